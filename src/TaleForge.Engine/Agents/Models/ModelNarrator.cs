using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Rules;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Narration;
using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Agents.Models;

/// <summary>
/// The narrator played by a language model: influence, result, updates, environment, summary and the optional
/// director, each a typed question whose character fields are narrowed to those present or involved.
/// </summary>
/// <param name="asking">How questions are put: TaleForge's way (the default) or CharacterBox's.</param>
public sealed class ModelNarrator(ModelRole role, AskingRules? asking = null) : INarratorAgent
{
    public ModelRole Role { get; } = role ?? throw new ArgumentNullException(nameof(role));

    public AskingRules Asking { get; } = asking ?? AskingRules.TaleForge;

    public async Task<AgentResult<ImmutableSortedDictionary<string, string>>> DirectAsync(NarratorView view, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        var participants = SceneRules.Current(view.State)?.Participants.Where(view.State.Characters.ContainsKey).ToList() ?? [];
        if (participants.Count == 0)
        {
            return AgentResult<ImmutableSortedDictionary<string, string>>.Authored(null);
        }
        var schema = Narrow<DirectionReply>("/properties/directions/items/properties/character", participants);
        var task = Render(view, EnginePrompts.NarratorDirect, new DirectFields(participants));
        var (reply, record) = await AskAsync<DirectionReply>(view, call, task, schema, cancellation);
        var directions = reply?.Directions.Where(d => participants.Contains(d.Character))
            .GroupBy(d => d.Character).ToImmutableSortedDictionary(g => g.Key, g => g.First().Direction, StringComparer.Ordinal);
        return new AgentResult<ImmutableSortedDictionary<string, string>>(directions, ModelAsk.One(record));
    }

    public async Task<AgentResult<ImmutableArray<Influence>>> AnalyseInfluenceAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(turn);
        var present = Core.Perception.Perception.Present(view.State, turn.Actor).Where(c => c != turn.Actor).ToList();
        if (present.Count == 0)
        {
            return AgentResult<ImmutableArray<Influence>>.Authored([]);
        }
        var schema = Narrow<InfluenceReply>("/properties/affected/items/properties/character", present);
        var task = Render(view, Asking.OneTarget ? EnginePrompts.NarratorInfluenceOne : EnginePrompts.NarratorInfluence, new TurnQuestionFields(Turn(view, turn), present));
        if (Asking.OneTarget)
        {
            // One target per action: actor;;target;;impact, as CharacterBox's narrator answers.
            schema = SchemaNarrowing.WithMaxItems(schema, "/properties/affected", 1);
        }
        var (reply, record) = await AskAsync<InfluenceReply>(view, call, task, schema, cancellation);
        var influences = reply?.Affected.Where(a => present.Contains(a.Character)).DistinctBy(a => a.Character)
            .Select(a => new Influence(a.Character, a.Impact.Trim())).ToImmutableArray() ?? [];
        return new AgentResult<ImmutableArray<Influence>>(influences, ModelAsk.One(record));
    }

    public async Task<AgentResult<string>> NarrateResultAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var task = Render(view, EnginePrompts.NarratorResult, new TurnQuestionFields(Turn(view, turn), []));
        var (reply, record) = await AskAsync<ResultReply>(view, call, task, null, cancellation);
        return new AgentResult<string>(reply?.Narration.Trim() is { Length: > 0 } text ? text : null, ModelAsk.One(record));
    }

    public async Task<AgentResult<ImmutableArray<CharacterUpdate>>> UpdateCharactersAsync(NarratorView view, TurnInProgress turn, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var involved = turn.Influences.Select(i => i.Character).Append(turn.Actor).ToList();
        var schema = Narrow<UpdatesReply>("/properties/updates/items/properties/character", involved);
        var task = Render(view, EnginePrompts.NarratorUpdates, new TurnQuestionFields(Turn(view, turn), involved));
        var (reply, record) = await AskAsync<UpdatesReply>(view, call, task, schema, cancellation);
        var updates = reply?.Updates.Where(u => involved.Contains(u.Character)).Select(u => new CharacterUpdate(u.Character)
        {
            Position = Optional(u.Position),
            Condition = Optional(u.Condition),
            Emotion = Optional(u.Emotion),
        }).ToImmutableArray() ?? [];
        return new AgentResult<ImmutableArray<CharacterUpdate>>(updates, ModelAsk.One(record));
    }

    public async Task<AgentResult<EnvironmentUpdate>> UpdateEnvironmentAsync(NarratorView view, AgentCall call, CancellationToken cancellation)
    {
        var task = Render(view, EnginePrompts.NarratorEnvironment, new NoFields());
        var (reply, record) = await AskAsync<EnvironmentReply>(view, call, task, null, cancellation);
        var update = reply is { Changed: true } ? new EnvironmentUpdate(Optional(reply.Description), Optional(reply.Time)) : null;
        return new AgentResult<EnvironmentUpdate>(update, ModelAsk.One(record));
    }

    public async Task<AgentResult<string>> SummariseRoundAsync(NarratorView view, AgentCall call, CancellationToken cancellation)
    {
        var task = Render(view, EnginePrompts.NarratorSummary, new NoFields());
        var (reply, record) = await AskAsync<SummaryReply>(view, call, task, null, cancellation);
        return new AgentResult<string>(reply?.Summary.Trim() is { Length: > 0 } text ? text : null, ModelAsk.One(record));
    }

    /// <summary>The record's schema with a list of characters limited to these ids, each at most once in number.</summary>
    private static System.Text.Json.JsonElement Narrow<T>(string pointer, IReadOnlyList<string> ids)
    {
        var list = pointer[..pointer.IndexOf("/items/", StringComparison.Ordinal)];
        return SchemaNarrowing.WithMaxItems(
            SchemaNarrowing.WithChoices(TypedJson.SchemaFor<T>(), new Dictionary<string, IReadOnlyList<string>> { [pointer] = ids }),
            list,
            ids.Count);
    }

    private string Render(NarratorView view, PromptKind kind, object fields) => Asking.Prompts.Render(kind, (view ?? throw new ArgumentNullException(nameof(view))).State.World.Info.Language, fields);

    private string Turn(NarratorView view, TurnInProgress turn) => NarratorPrompt.Turn(Asking.Prompts, view, turn);

    private static string? Optional(string text) => text.Trim() is { Length: > 0 } t ? t : null;

    private Task<(T? Value, ModelCall Record)> AskAsync<T>(
        NarratorView view, AgentCall call, string task,
        System.Text.Json.JsonElement? narrowed, CancellationToken cancellation)
        where T : class, IReply
    {
        narrowed = Asking.Schema<T>(narrowed, Role.ContextTokens);
        var maxOutput = ModelAsk.ReplyTokens<T>(Role, narrowed);
        var system = NarratorPrompt.Voice(Asking.Prompts, view);
        var (user, cut) = ModelAsk.Fit(Role, system, maxOutput, RecentSizes, recent =>
            (NarratorPrompt.Scene(Asking.Prompts, view, recent) + "\n\n" + task, view.Round.TakeLast(recent).Count(e => e.Narration is not null)));
        return ModelAsk.AskAsync<T>(Role, call, system, user, maxOutput, narrowed, null, cancellation, cut, EnginePrompts.Reask(Asking.Prompts, view.State.World.Info.Language));
    }

    /// <summary>How many of this round's events to show, most first, until the prompt fits.</summary>
    private static readonly int[] RecentSizes = [40, 20, 10, 5, 2, 0];
}
