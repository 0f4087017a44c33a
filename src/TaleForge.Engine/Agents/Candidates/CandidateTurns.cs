using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using TaleForge.Core;
using TaleForge.Core.Decisions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Inference.Seeds;
using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Agents.Candidates;

/// <summary>
/// A model-played character whose every turn is sampled several times (one seed each) and judged: the judge reads
/// the character's prompt and the candidates (each whole turn) and picks one by number, the pick is played, and the
/// calls recorded are the chosen candidate's own, the first carrying all of them, so simulations yield preference
/// pairs. Beliefs, reflections and reactions are asked once, as the character alone would.
/// </summary>
public sealed class CandidateTurns : ICharacterAgent
{
    /// <summary>The most candidates a turn may be sampled for; each costs a full turn request.</summary>
    public const int MaxCount = 16;

    /// <param name="character">The character that samples the candidates.</param>
    /// <param name="count">Candidates per turn, 2 to <see cref="MaxCount"/>.</param>
    /// <param name="judge">The model that picks (sampled as given; the caller makes it greedy).</param>
    public CandidateTurns(ModelCharacter character, int count, ModelRole judge)
    {
        ArgumentNullException.ThrowIfNull(character);
        ArgumentNullException.ThrowIfNull(judge);
        if (count is < 2 or > MaxCount)
        {
            throw new TaleForgeException(string.Create(CultureInfo.InvariantCulture,
                $"a turn is chosen among 2 to {MaxCount} candidates, not {count}; with one candidate, play the character as it is."));
        }
        Character = character;
        Count = count;
        Judge = judge;
    }

    public ModelCharacter Character { get; }
    public int Count { get; }
    public ModelRole Judge { get; }

    /// <summary>The seed of candidate <paramref name="index"/>: the first is the turn's own, so it matches a one-candidate run.</summary>
    public static long CandidateSeed(long turnSeed, int index) =>
        index == 0 ? turnSeed : SeedDerivation.Derive(turnSeed, index, "candidate");

    /// <summary>The seed of the judge's pick for a turn.</summary>
    public static long PickSeed(long turnSeed) => SeedDerivation.Derive(turnSeed, 0, "candidate_pick");

    public Task<AgentResult<Beliefs>> ReviseBeliefsAsync(CharacterView view, AgentCall call, CancellationToken cancellation) =>
        Character.ReviseBeliefsAsync(view, call, cancellation);

    public Task<AgentResult<ImmutableArray<string>>> ReflectAsync(CharacterView view, AgentCall call, CancellationToken cancellation) =>
        Character.ReflectAsync(view, call, cancellation);

    public Task<AgentResult<Reaction>> ReactAsync(CharacterView view, ReactionCue cue, AgentCall call, CancellationToken cancellation) =>
        Character.ReactAsync(view, cue, call, cancellation);

    public async Task<AgentResult<CharacterTurn>> DecideTurnAsync(CharacterView view, AgentCall call, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(call);
        // Asked together, so a batching backend decodes the candidates side by side.
        var results = await Task.WhenAll(Enumerable.Range(0, Count)
            .Select(i => Character.DecideTurnAsync(view, call with { Seed = CandidateSeed(call.Seed, i) }, cancellation)));
        // A turn's first call carries the choice: its prompt is the one every candidate answered. Under the
        // characterbox protocol that is the action; the line said with it is asked after, from each candidate's own
        // action, so its prompts differ and could not make preference pairs.
        var turns = results.Select(r => r.Calls.IsEmpty ? null : r.Calls[0]).ToList();
        var usable = Enumerable.Range(0, Count).Where(i => results[i].Value is not null && turns[i] is not null).ToList();

        var (chosen, reason, pick) = usable.Count switch
        {
            0 => (0, "no candidate gave a usable turn", null),
            1 => (usable[0], string.Create(CultureInfo.InvariantCulture, $"only candidate {usable[0] + 1} gave a usable turn"), null),
            _ => await PickAsync(view, call, turns[usable[0]]!, [.. usable.Select(i => (i, WholeTurn(results[i])))], cancellation),
        };
        var played = results[chosen];
        if (turns[chosen] is not { } record)
        {
            return played;
        }
        var choice = new CandidateChoice
        {
            Chosen = chosen,
            Reason = reason,
            Turns = [.. turns.Select((t, i) => t is null ? new CandidateCall { Model = Character.Role.Model, Seed = CandidateSeed(call.Seed, i), Failure = "no request was made" } : CandidateCall.Of(t, withPrompt: false))],
            Pick = pick,
        };
        return played with { Calls = played.Calls.SetItem(0, record with { Candidates = choice }) };
    }

    /// <summary>
    /// What a candidate did, as the judge weighs it: the replies of all its turn's calls in one object (the action,
    /// then the line said with it), so a pick is made on the whole turn and not on its last question alone.
    /// </summary>
    private static JsonNode? WholeTurn(AgentResult<CharacterTurn> result)
    {
        if (result.Calls.Length == 1)
        {
            return result.Calls[0].Parsed;
        }
        var whole = new JsonObject();
        foreach (var parsed in result.Calls.Select(c => c.Parsed).OfType<JsonObject>())
        {
            foreach (var (key, value) in parsed)
            {
                whole[key] = value?.DeepClone();
            }
        }
        return whole;
    }

    /// <summary>Asks the judge for a number among the usable candidates; the first usable one when it gives none.</summary>
    private async Task<(int Chosen, string Reason, CandidateCall? Pick)> PickAsync(
        CharacterView view, AgentCall call, ModelCall first, IReadOnlyList<(int Index, JsonNode? Turn)> usable, CancellationToken cancellation)
    {
        var numbers = usable.Select(u => (u.Index + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        var schema = SchemaNarrowing.WithChoices(TypedJson.SchemaFor<CandidatePickReply>(), new Dictionary<string, IReadOnlyList<string>>
        {
            ["/properties/choice"] = numbers,
        });
        var listed = usable.Select(u => (u.Index + 1, u.Turn)).ToList();
        var system = CandidatePickPrompt.System(Character.Asking.Prompts, view.Language);
        var maxOutput = ModelAsk.ReplyTokens<CandidatePickReply>(Judge, schema);
        var user = CandidatePickPrompt.Task(Character.Asking.Prompts, view.Language, first.Prompt, listed);
        if (Judge.Tokens(system) + Judge.Tokens(user) > ModelAsk.PromptBudget(Judge, maxOutput))
        {
            // The judge's context cannot hold the character's prompt as well: it judges the candidates alone.
            user = CandidatePickPrompt.Task(Character.Asking.Prompts, view.Language, null, listed);
        }
        var (reply, record) = await ModelAsk.AskAsync(Judge, call with { Role = Role.Judge, Seed = PickSeed(call.Seed) },
            system, user, maxOutput, schema,
            (CandidatePickReply r) => numbers.Contains(r.Choice.Trim()) ? null : ReplyViolation.NotAmong("/choice", numbers),
            cancellation, reask: EnginePrompts.Reask(Character.Asking.Prompts, view.Language));
        var pick = CandidateCall.Of(record, withPrompt: true);
        if (reply is null)
        {
            return (usable[0].Index, $"the judge gave no usable pick ({record.Failure}); the first usable candidate is played", pick);
        }
        return (int.Parse(reply.Choice.Trim(), CultureInfo.InvariantCulture) - 1, reply.Reason.Trim(), pick);
    }
}
