using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

internal sealed partial class RoundPipeline
{
    /// <summary>Longest position, condition or emotion the narrator may set: a phrase, not a chapter.</summary>
    private const int MaxUpdateLength = 200;

    /// <summary>The next character in the queue acts; for the human, play stops until <see cref="GameSession.SubmitAsync"/>.</summary>
    private async Task<PhaseOutcome> TakeTurnAsync(NarratorState narrator, CancellationToken cancellation)
    {
        if (SceneRules.GoalReached(session.State))
        {
            return new PhaseOutcome(NarratorTrigger.GoalReached, narrator);
        }
        var queue = narrator.Queue;
        if (queue.IsEmpty)
        {
            return new PhaseOutcome(NarratorTrigger.NoOneLeftToAct, narrator);
        }
        var actor = queue[0];
        if (actor == session.Cast.Player)
        {
            return new PhaseOutcome(null, narrator);
        }

        var turn = CharacterTurn.Waiting(Phrases.WaitAction);
        if (session.Cast.AgentFor(actor) is { } agent)
        {
            var call = session.NewCall(Role.Character(actor));
            var result = await agent.DecideTurnAsync(session.ViewOf(actor), call, cancellation);
            session.Record(result.Calls);
            // A model that gave nothing usable loses its turn to waiting; its failure is in the record.
            turn = result.Value ?? turn;
        }
        return new PhaseOutcome(NarratorTrigger.TurnTaken, ApplyTurn(narrator, actor, turn));
    }

    /// <summary>
    /// A turn, by an agent or the human: checked and applied by <see cref="CarryOut"/>, then carried on through
    /// influence, reaction, result and updates. Returns the narrator's state with the actor's turn under way.
    /// </summary>
    public NarratorState ApplyTurn(NarratorState narrator, string actor, CharacterTurn turn)
    {
        var resolution = CarryOut(actor, turn);
        FireTriggers();

        var targets = resolution.Events.SelectMany(e => e switch
        {
            WorldEvent.Acted a => a.Targets.AsEnumerable(),
            WorldEvent.Said s => s.To,
            WorldEvent.Gave g => [g.To],
            _ => [],
        }).Distinct().ToImmutableArray();

        var index = narrator.Queue.IndexOf(actor);
        return narrator with
        {
            Queue = index >= 0 ? narrator.Queue.RemoveAt(index) : narrator.Queue,
            Completed = narrator.Completed.Contains(actor) ? narrator.Completed : narrator.Completed.Add(actor),
            Turn = new TurnInProgress(actor, turn) { Refused = !resolution.Accepted, Targets = targets },
        };
    }

    /// <summary>
    /// The one way a character's decision changes the world, turn or reaction alike: the rules check it and give its
    /// events (a refusal among them), the events are applied, and an accepted decision's authored line and feeling
    /// are kept.
    /// </summary>
    private Resolution CarryOut(string actor, CharacterTurn decision)
    {
        var resolution = Rulebook.Resolve(session.State, actor, decision);
        foreach (var e in resolution.Events)
        {
            session.Append(e, actor);
        }
        if (resolution.Accepted)
        {
            ApplyCue(actor, decision.Line, decision.Emotion);
        }
        return resolution;
    }

    /// <summary>Who the turn affects. A refused turn affects no one; the narrator may name only those present.</summary>
    private async Task<PhaseOutcome> AnalyseInfluenceAsync(NarratorState narrator, CancellationToken cancellation)
    {
        var turn = narrator.Turn!;
        var influences = ImmutableArray<Influence>.Empty;
        if (!turn.Refused)
        {
            var result = await AskNarratorAsync(
                Role.Narrator, (view, call, ct) => session.Cast.Narrator.AnalyseInfluenceAsync(view, turn, call, ct), cancellation);
            var present = Core.Perception.Perception.Present(session.State, turn.Actor).ToHashSet(StringComparer.Ordinal);
            influences = [.. (result.Value.IsDefault ? [] : result.Value)
                .Where(i => i.Character != turn.Actor && present.Contains(i.Character))
                .DistinctBy(i => i.Character)];
        }
        return new PhaseOutcome(
            influences.IsEmpty ? NarratorTrigger.NoOneAffected : NarratorTrigger.SomeoneAffected,
            narrator with { Turn = turn with { Influences = influences } });
    }

    /// <summary>
    /// Each affected character responds, through the same rules as a turn: its action and line are aimed at the
    /// actor, and a refused command is refused exactly as on a turn. Under the reactive order a character that reacts
    /// loses its turn this round. The human is not asked here: they answer on their own turn.
    /// </summary>
    private async Task<PhaseOutcome> ReactAsync(NarratorState narrator, CancellationToken cancellation)
    {
        var turn = narrator.Turn!;
        var actorName = session.State.World.Character(turn.Actor).Name;
        var reactions = ImmutableArray.CreateBuilder<GivenReaction>();
        foreach (var influence in turn.Influences)
        {
            var target = influence.Character;
            if (target == session.Cast.Player || session.Cast.AgentFor(target) is not { } agent)
            {
                continue;
            }
            var cue = new ReactionCue(turn.Actor, actorName, turn.Decision.Action, turn.Decision.Dialogue, influence.Impact);
            var call = session.NewCall(Role.Character(target));
            var result = await agent.ReactAsync(session.ViewOf(target), cue, call, cancellation);
            session.Record(result.Calls);
            if (result.Value is not { } reaction)
            {
                continue;
            }

            var decision = AsDecision(reaction, turn.Actor);
            if (decision.Action.Length > 0 || decision.Dialogue is { Length: > 0 } || decision.Command is not null)
            {
                CarryOut(target, decision);
            }
            else
            {
                // Nothing visible to check: only the feeling and the authored line's bookkeeping.
                ApplyCue(target, decision.Line, decision.Emotion);
            }
            reactions.Add(new GivenReaction(target, reaction));
            narrator = LoseTurnForReacting(narrator, target);
        }
        FireTriggers();
        return new PhaseOutcome(NarratorTrigger.Reacted, narrator with { Turn = turn with { Reactions = reactions.ToImmutable() } });
    }

    /// <summary>A reaction as the decision the rules check: aimed at the one it answers.</summary>
    private static CharacterTurn AsDecision(Reaction reaction, string answering) => new()
    {
        Action = reaction.Action,
        Dialogue = reaction.Dialogue,
        Command = reaction.Command,
        Emotion = reaction.Emotion,
        Line = reaction.Line,
        Targets = [answering],
    };

    private async Task<PhaseOutcome> NarrateResultAsync(NarratorState narrator, CancellationToken cancellation)
    {
        var turn = narrator.Turn!;
        var result = await AskNarratorAsync(
            Role.Narrator, (view, call, ct) => session.Cast.Narrator.NarrateResultAsync(view, turn, call, ct), cancellation);
        if (result.Value is { Length: > 0 } text)
        {
            session.Append(new WorldEvent.Narrated(text, NarrationKind.Result) { Location = session.State.LocationOf(turn.Actor) });
        }
        return new PhaseOutcome(NarratorTrigger.ResultNarrated, narrator);
    }

    /// <summary>
    /// The narrator's changes to those involved. Only the actor and the affected may change; a position is a
    /// place within the location (moving elsewhere takes an exit), and every text is bounded.
    /// </summary>
    private async Task<PhaseOutcome> UpdateCharactersAsync(NarratorState narrator, CancellationToken cancellation)
    {
        var turn = narrator.Turn!;
        var result = await AskNarratorAsync(
            Role.Narrator, (view, call, ct) => session.Cast.Narrator.UpdateCharactersAsync(view, turn, call, ct), cancellation);
        var involved = turn.Influences.Select(i => i.Character).Append(turn.Actor).ToHashSet(StringComparer.Ordinal);
        foreach (var update in result.Value.IsDefault ? [] : result.Value)
        {
            if (!involved.Contains(update.Character) || !session.State.Characters.TryGetValue(update.Character, out var current))
            {
                continue;
            }
            if (Bounded(update.Position) is { } position && position != current.Position)
            {
                session.Append(new WorldEvent.PositionChanged(update.Character, position), update.Character);
            }
            if (Bounded(update.Condition) is { } condition && condition != current.Condition)
            {
                session.Append(new WorldEvent.ConditionChanged(update.Character, condition), update.Character);
            }
            if (Bounded(update.Emotion) is { } emotion && emotion != current.Emotion)
            {
                session.Append(new WorldEvent.EmotionChanged(update.Character, emotion), update.Character);
            }
        }
        FireTriggers();
        return new PhaseOutcome(
            SceneRules.GoalReached(session.State) ? NarratorTrigger.GoalReached : NarratorTrigger.Updated,
            narrator with { Turn = null });
    }

    /// <summary>Applies an authored line's bookkeeping: used up, its flags, the feeling it carries.</summary>
    private void ApplyCue(string character, AuthoredCue? cue, string? emotion)
    {
        if (cue is not null)
        {
            session.Append(new WorldEvent.LineUsed(character, cue.Key), character);
            foreach (var flag in cue.SetFlags.Where(f => !session.State.Flags.Contains(f)))
            {
                session.Append(new WorldEvent.FlagSet(flag), character);
            }
        }
        if (Bounded(emotion) is { } feeling && feeling != session.State.Character(character).Emotion)
        {
            session.Append(new WorldEvent.EmotionChanged(character, feeling), character);
        }
    }

    private NarratorState LoseTurnForReacting(NarratorState narrator, string character)
    {
        if (SceneRules.Current(session.State)?.TurnOrder != TurnOrder.Reactive)
        {
            return narrator;
        }
        var index = narrator.Queue.IndexOf(character);
        return narrator with
        {
            Queue = index >= 0 ? narrator.Queue.RemoveAt(index) : narrator.Queue,
            Completed = narrator.Completed.Contains(character) ? narrator.Completed : narrator.Completed.Add(character),
        };
    }

    private static string? Bounded(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= MaxUpdateLength ? trimmed : trimmed[..MaxUpdateLength];
    }

    private Core.Phrasing.Phrasebook Phrases => Core.Phrasing.Phrasebook.For(session.State.World.Info.Language);
}
