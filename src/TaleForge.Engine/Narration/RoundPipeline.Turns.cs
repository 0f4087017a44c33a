using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Engine.Agents;

namespace TaleForge.Engine.Narration;

internal sealed partial class RoundPipeline
{
    /// <summary>Longest position, condition or emotion the narrator may set: a phrase, not a chapter.</summary>
    private const int MaxUpdateLength = 200;

    /// <summary>The next character in the queue acts; for the human, play stops until <see cref="Session.GameSession.SubmitAsync"/>.</summary>
    private async Task<NarratorTrigger?> TakeTurnAsync(CancellationToken cancellation)
    {
        if (SceneRules.GoalReached(session.State))
        {
            return NarratorTrigger.GoalReached;
        }
        var queue = session.Narrator.Queue;
        if (queue.IsEmpty)
        {
            return NarratorTrigger.NoOneLeftToAct;
        }
        var actor = queue[0];
        if (actor == session.Cast.Player)
        {
            return null;
        }

        var turn = CharacterTurn.Waiting(Phrases.WaitAction);
        if (session.Cast.AgentFor(actor) is { } agent)
        {
            var call = session.NewCall(AgentCall.CharacterRole(actor));
            var result = await agent.DecideTurnAsync(session.ViewOf(actor), call, cancellation);
            session.Record(result.Calls);
            // A model that gave nothing usable loses its turn to waiting; its failure is in the record.
            turn = result.Value ?? turn;
        }
        ApplyTurn(actor, turn);
        return NarratorTrigger.TurnTaken;
    }

    /// <summary>Checks a turn against the rules and applies what they allow; shared by agents and the human.</summary>
    public void ApplyTurn(string actor, CharacterTurn turn)
    {
        var resolution = Rulebook.Resolve(session.State, actor, turn);
        foreach (var e in resolution.Events)
        {
            session.Append(e, actor);
        }
        if (resolution.Accepted)
        {
            ApplyCue(actor, turn.Line, turn.Emotion);
        }
        FireTriggers();

        var targets = resolution.Events.SelectMany(e => e switch
        {
            WorldEvent.Acted a => a.Targets.AsEnumerable(),
            WorldEvent.Said s => s.To,
            WorldEvent.Gave g => [g.To],
            _ => [],
        }).Distinct().ToImmutableArray();

        var narrator = session.Narrator;
        var index = narrator.Queue.IndexOf(actor);
        session.Narrator = narrator with
        {
            Queue = index >= 0 ? narrator.Queue.RemoveAt(index) : narrator.Queue,
            Completed = narrator.Completed.Contains(actor) ? narrator.Completed : narrator.Completed.Add(actor),
            Turn = new TurnInProgress(actor, turn) { Refused = !resolution.Accepted, Targets = targets },
        };
    }

    /// <summary>Who the turn affects. A refused turn affects no one; the narrator may name only those present.</summary>
    private async Task<NarratorTrigger?> AnalyseInfluenceAsync(CancellationToken cancellation)
    {
        var turn = session.Narrator.Turn!;
        var influences = ImmutableArray<Influence>.Empty;
        if (!turn.Refused)
        {
            var result = await AskNarratorAsync(
                AgentCall.NarratorRole, (view, call, ct) => session.Cast.Narrator.AnalyseInfluenceAsync(view, turn, call, ct), cancellation);
            var present = Core.Perception.Perception.Present(session.State, turn.Actor).ToHashSet(StringComparer.Ordinal);
            influences = [.. (result.Value.IsDefault ? [] : result.Value)
                .Where(i => i.Character != turn.Actor && present.Contains(i.Character))
                .DistinctBy(i => i.Character)];
        }
        session.Narrator = session.Narrator with { Turn = turn with { Influences = influences } };
        return influences.IsEmpty ? NarratorTrigger.NoOneAffected : NarratorTrigger.SomeoneAffected;
    }

    /// <summary>
    /// Each affected character responds. Under the reactive order a character that reacts loses its turn this
    /// round. The human is not asked here: they answer on their own turn.
    /// </summary>
    private async Task<NarratorTrigger?> ReactAsync(CancellationToken cancellation)
    {
        var turn = session.Narrator.Turn!;
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
            var call = session.NewCall(AgentCall.CharacterRole(target));
            var result = await agent.ReactAsync(session.ViewOf(target), cue, call, cancellation);
            session.Record(result.Calls);
            if (result.Value is not { } reaction)
            {
                continue;
            }

            if (reaction.Action.Length > 0)
            {
                session.Append(new WorldEvent.Acted(target, reaction.Action) { Targets = [turn.Actor] }, target);
            }
            if (reaction.Dialogue is { Length: > 0 } line)
            {
                session.Append(new WorldEvent.Said(target, line) { To = [turn.Actor] }, target);
            }
            var accepted = true;
            if (reaction.Command is { } command)
            {
                var resolution = Rulebook.Resolve(session.State, target, command);
                foreach (var e in resolution.Events)
                {
                    session.Append(e, target);
                }
                accepted = resolution.Accepted;
            }
            if (accepted)
            {
                ApplyCue(target, reaction.Line, reaction.Emotion);
            }
            reactions.Add(new GivenReaction(target, reaction));
            LoseTurnForReacting(target);
        }
        FireTriggers();
        session.Narrator = session.Narrator with { Turn = turn with { Reactions = reactions.ToImmutable() } };
        return NarratorTrigger.Reacted;
    }

    private async Task<NarratorTrigger?> NarrateResultAsync(CancellationToken cancellation)
    {
        var turn = session.Narrator.Turn!;
        var result = await AskNarratorAsync(
            AgentCall.NarratorRole, (view, call, ct) => session.Cast.Narrator.NarrateResultAsync(view, turn, call, ct), cancellation);
        if (result.Value is { Length: > 0 } text)
        {
            session.Append(new WorldEvent.Narrated(text, NarrationKind.Result) { Location = session.State.LocationOf(turn.Actor) });
        }
        return NarratorTrigger.ResultNarrated;
    }

    /// <summary>
    /// The narrator's changes to those involved. Only the actor and the affected may change; a position is a
    /// place within the location (moving elsewhere takes an exit), and every text is bounded.
    /// </summary>
    private async Task<NarratorTrigger?> UpdateCharactersAsync(CancellationToken cancellation)
    {
        var turn = session.Narrator.Turn!;
        var result = await AskNarratorAsync(
            AgentCall.NarratorRole, (view, call, ct) => session.Cast.Narrator.UpdateCharactersAsync(view, turn, call, ct), cancellation);
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
        session.Narrator = session.Narrator with { Turn = null };
        return SceneRules.GoalReached(session.State) ? NarratorTrigger.GoalReached : NarratorTrigger.Updated;
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

    private void LoseTurnForReacting(string character)
    {
        if (SceneRules.Current(session.State)?.TurnOrder != TurnOrder.Reactive)
        {
            return;
        }
        var narrator = session.Narrator;
        var index = narrator.Queue.IndexOf(character);
        session.Narrator = narrator with
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
