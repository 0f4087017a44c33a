using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Agents.Models;

/// <summary>
/// A character played by a language model. Every question has a schema, narrowed to what exists at that moment
/// (exits, items, people), so a grammar-constrained model always answers something the game can read; the
/// prompt is built from the character's view alone and cut to fit the model's context (the cut recorded on the call).
/// </summary>
/// <param name="asking">How questions are put: TaleForge's way (the default) or CharacterBox's.</param>
public sealed class ModelCharacter(ModelRole role, AskingRules? asking = null) : ICharacterAgent
{
    public ModelRole Role { get; } = role ?? throw new ArgumentNullException(nameof(role));

    public AskingRules Asking { get; } = asking ?? AskingRules.TaleForge;

    public async Task<AgentResult<Beliefs>> ReviseBeliefsAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        var others = view.Here.People.Select(p => p.Id).ToList();
        // One view per person present at most; with nobody present the list can only be empty.
        var schema = SchemaNarrowing.WithMaxItems(
            SchemaNarrowing.WithChoices(TypedJson.SchemaFor<BeliefReply>(), new Dictionary<string, IReadOnlyList<string>>
            {
                ["/properties/others/items/properties/character"] = others.Count == 0 ? [view.Character.Id] : others,
            }),
            "/properties/others",
            others.Count);
        var task = Render(view, EnginePrompts.CharacterBeliefs, new BeliefsFields(others.Count == 0));
        var (reply, record) = await AskAsync<BeliefReply>(view, call, task, schema, null, cancellation);
        var beliefs = reply is null ? null : new Beliefs
        {
            Belief = reply.Belief,
            Desire = reply.Desire,
            Intention = reply.Intention,
            // A view named twice keeps its first wording; a name of nobody present is dropped.
            Others = reply.Others.Where(o => others.Contains(o.Character)).DistinctBy(o => o.Character)
                .ToImmutableSortedDictionary(o => o.Character, o => o.View, StringComparer.Ordinal),
        };
        return new AgentResult<Beliefs>(beliefs, ModelAsk.One(record));
    }

    public async Task<AgentResult<ImmutableArray<string>>> ReflectAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        var task = Render(view, EnginePrompts.CharacterReflect, new NoFields());
        var (reply, record) = await AskAsync<ReflectionReply>(view, call, task, null, null, cancellation);
        return new AgentResult<ImmutableArray<string>>(
            reply is null ? [] : [.. reply.Insights.Select(i => i.Text.Trim()).Where(t => t.Length > 0)],
            ModelAsk.One(record));
    }

    public async Task<AgentResult<CharacterTurn>> DecideTurnAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (Asking.ActionThenDialogue)
        {
            return await ActThenSpeakAsync(view, call, cancellation);
        }
        var commands = AdmissibleCommands.For(view);
        var targets = view.Here.People.Select(p => p.Id).Prepend("").ToList();
        var schema = SchemaNarrowing.WithChoices(TypedJson.SchemaFor<TurnReply>(), new Dictionary<string, IReadOnlyList<string>>
        {
            ["/properties/command"] = [.. commands.Keys],
            ["/properties/target"] = targets,
        });
        var task = Render(view, EnginePrompts.CharacterTurn, new CommandFields([.. commands.Keys]));
        var (reply, record) = await AskAsync<TurnReply>(view, call, task, schema,
            r => commands.ContainsKey(r.Command) ? null : ReplyViolation.NotAmong("/command", [.. commands.Keys]),
            cancellation);
        if (reply is null)
        {
            return new AgentResult<CharacterTurn>(null, ModelAsk.One(record));
        }
        var turn = Turn(reply.Action, reply.Dialogue, commands.GetValueOrDefault(reply.Command), reply.Target, reply.Emotion);
        return new AgentResult<CharacterTurn>(turn, ModelAsk.One(record));
    }

    /// <summary>
    /// The turn as CharacterBox asks it: one call for the physical action (with its command, target and feeling),
    /// then a second for the line said while doing it. With no action there is no line to ask for.
    /// </summary>
    private async Task<AgentResult<CharacterTurn>> ActThenSpeakAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        var commands = AdmissibleCommands.For(view);
        var targets = view.Here.People.Select(p => p.Id).Prepend("").ToList();
        var schema = SchemaNarrowing.WithChoices(TypedJson.SchemaFor<ActionReply>(), new Dictionary<string, IReadOnlyList<string>>
        {
            ["/properties/command"] = [.. commands.Keys],
            ["/properties/target"] = targets,
        });
        var (action, actionRecord) = await AskAsync<ActionReply>(view, call, Render(view, EnginePrompts.CharacterAction, new CommandFields([.. commands.Keys])), schema,
            r => commands.ContainsKey(r.Command) ? null : ReplyViolation.NotAmong("/command", [.. commands.Keys]),
            cancellation);
        if (action is null)
        {
            return new AgentResult<CharacterTurn>(null, ModelAsk.One(actionRecord));
        }
        var (line, lineRecord) = await AskAsync<DialogueReply>(view, call.Next(), Render(view, EnginePrompts.CharacterDialogue, new DialogueFields(action.Action.Trim())), null, null, cancellation);
        var turn = Turn(action.Action, line?.Dialogue ?? "", commands.GetValueOrDefault(action.Command), action.Target, action.Emotion);
        return new AgentResult<CharacterTurn>(turn, [actionRecord, lineRecord]);
    }

    /// <summary>A turn from the fields a model gave: a give is aimed at whom it gives to as well.</summary>
    private static CharacterTurn Turn(string action, string dialogue, WorldCommand? command, string target, string emotion)
    {
        var aimed = target.Length > 0 ? [target] : ImmutableArray<string>.Empty;
        if (command is WorldCommand.Give give && !aimed.Contains(give.To))
        {
            aimed = aimed.Add(give.To);
        }
        return new CharacterTurn
        {
            Action = action.Trim(),
            Dialogue = dialogue.Trim() is { Length: > 0 } line ? line : null,
            Command = command,
            Targets = aimed,
            Emotion = emotion.Trim() is { Length: > 0 } feeling ? feeling : null,
        };
    }

    public async Task<AgentResult<Reaction>> ReactAsync(CharacterView view, ReactionCue cue, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(cue);
        var task = Render(view, Asking.ReactionsSpeak ? EnginePrompts.CharacterReaction : EnginePrompts.CharacterReactionVisible,
            new ReactionFields(cue.ActorName, cue.Action, cue.Dialogue ?? "", cue.Impact));
        // A reaction that may not speak can only leave its line empty: the grammar allows nothing else there.
        var schema = Asking.ReactionsSpeak ? (System.Text.Json.JsonElement?)null
            : SchemaNarrowing.WithChoices(TypedJson.SchemaFor<ReactionReply>(), new Dictionary<string, IReadOnlyList<string>> { ["/properties/dialogue"] = [""] });
        var (reply, record) = await AskAsync<ReactionReply>(view, call, task, schema, null, cancellation);
        var reaction = reply is null || (reply.Action.Trim().Length == 0 && reply.Dialogue.Trim().Length == 0)
            ? null
            : new Reaction(reply.Action.Trim())
            {
                Dialogue = reply.Dialogue.Trim() is { Length: > 0 } l ? l : null,
                Emotion = reply.Emotion.Trim() is { Length: > 0 } e ? e : null,
            };
        return new AgentResult<Reaction>(reaction, ModelAsk.One(record));
    }

    /// <summary>Builds the prompt at the largest memory size that fits the context, then asks; a cut is recorded on the call.</summary>
    private Task<(T? Value, ModelCall Record)> AskAsync<T>(
        CharacterView view, AgentCall call, string task,
        System.Text.Json.JsonElement? narrowed, Func<T, ReplyViolation?>? check, CancellationToken cancellation)
        where T : class, IReply
    {
        narrowed = Asking.Schema<T>(narrowed, Role.ContextTokens);
        var maxOutput = ModelAsk.ReplyTokens<T>(Role, narrowed);
        var system = CharacterPrompt.Profile(Asking.Prompts, view);
        var remembered = view.Observations.Length + view.Self.Memories.Count;
        var (user, cut) = ModelAsk.Fit(Role, system, maxOutput, MemorySizes, size =>
        {
            // As the situation shows them: the latest, then as many older ones recalled as asked for and there are.
            var recent = Math.Min(size.Recent, remembered);
            var shown = recent + Math.Min(size.Memories, remembered - recent);
            return (CharacterPrompt.Situation(Asking.Prompts, view, size.Memories, size.Recent) + "\n\n" + task, shown);
        });
        return ModelAsk.AskAsync(Role, call, system, user, maxOutput, narrowed, check, cancellation, cut, EnginePrompts.Reask(Asking.Prompts, view.Language));
    }

    private string Render(CharacterView view, PromptKind kind, object fields) => Asking.Prompts.Render(kind, (view ?? throw new ArgumentNullException(nameof(view))).Language, fields);

    /// <summary>How many recalled and recent memories to try, largest first, until the prompt fits.</summary>
    private static readonly (int Memories, int Recent)[] MemorySizes = [(12, 12), (8, 8), (5, 5), (3, 3), (1, 2), (0, 1), (0, 0)];
}
