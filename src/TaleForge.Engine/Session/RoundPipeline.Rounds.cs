using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Memory;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

internal sealed partial class RoundPipeline
{
    /// <summary>
    /// A new round: every agent-played participant revises its beliefs. The requests go out together so a
    /// batching backend decodes them in one pass; results are applied in participant order, so the record does
    /// not depend on which finished first.
    /// </summary>
    private async Task<PhaseOutcome> StartRoundAsync(NarratorState narrator, CancellationToken cancellation)
    {
        session.Append(new WorldEvent.RoundStarted((session.State.Scene?.Round ?? 0) + 1));
        FireTriggers();

        var agents = Participants()
            .Where(id => id != session.Cast.Player && session.Cast.AgentFor(id) is not null)
            .ToList();
        await ReflectAsync(agents, cancellation);

        var thinkers = agents
            .Select(id => (Id: id, Agent: session.Cast.AgentFor(id)!, View: session.ViewOf(id), Call: session.NewCall(Role.Character(id))))
            .ToList();
        var results = await Task.WhenAll(thinkers.Select(t => t.Agent.ReviseBeliefsAsync(t.View, t.Call, cancellation)));

        foreach (var (thinker, result) in thinkers.Zip(results))
        {
            session.Record(result.Calls);
            if (result.Value is { } beliefs)
            {
                session.Append(new WorldEvent.BeliefsRevised(thinker.Id, beliefs), thinker.Id);
            }
        }
        return new PhaseOutcome(NarratorTrigger.BeliefsRevised, narrator);
    }

    /// <summary>
    /// Characters whose observations since their last reflection add up past the threshold draw insights from
    /// them (Generative Agents' reflection); the insights become memories of high importance.
    /// </summary>
    private async Task ReflectAsync(List<string> agents, CancellationToken cancellation)
    {
        var due = agents
            .Where(id => MemoryRetrieval.ImportanceSince(session.ObservationsOf(id), LastReflection(id)) >= session.Options.ReflectionThreshold)
            .Select(id => (Id: id, Agent: session.Cast.AgentFor(id)!, View: session.ViewOf(id), Call: session.NewCall(Role.Character(id))))
            .ToList();
        var results = await Task.WhenAll(due.Select(d => d.Agent.ReflectAsync(d.View, d.Call, cancellation)));
        foreach (var (reflector, result) in due.Zip(results))
        {
            session.Record(result.Calls);
            foreach (var insight in result.Value.IsDefault ? [] : result.Value)
            {
                var memory = new Core.State.Memory(insight, ReflectionImportance, session.State.Clock, MemoryKind.Reflection);
                session.Append(new WorldEvent.MemoryAdded(reflector.Id, memory), reflector.Id);
            }
        }
    }

    private const double ReflectionImportance = 0.8;

    private long LastReflection(string character) =>
        session.Log.LastOrDefault(e => e.Event is WorldEvent.MemoryAdded m && m.Character == character)?.Step ?? -1;

    /// <summary>The optional director, on the narrator's agent: one line of direction per participant.</summary>
    private async Task<PhaseOutcome> DirectAsync(NarratorState narrator, CancellationToken cancellation)
    {
        var directions = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        if (session.Cast.Director)
        {
            var result = await AskNarratorAsync(Role.Director, session.Cast.Narrator.DirectAsync, cancellation);
            var participants = Participants().ToHashSet(StringComparer.Ordinal);
            directions = (result.Value ?? directions)
                .Where(d => participants.Contains(d.Key) && d.Value.Length > 0)
                .ToImmutableSortedDictionary(StringComparer.Ordinal);
        }
        return new PhaseOutcome(NarratorTrigger.Directed, narrator with { Directions = directions });
    }

    /// <summary>
    /// Round end: the environment (changed only if the narrator says so), the plot summary, the clock, and the
    /// next round's order. The scene ends here when its goal holds or its rounds are spent.
    /// </summary>
    private async Task<PhaseOutcome> EndRoundAsync(NarratorState narrator, CancellationToken cancellation)
    {
        var environment = await AskNarratorAsync(Role.Narrator, session.Cast.Narrator.UpdateEnvironmentAsync, cancellation);
        if (environment.Value is { Description: { Length: > 0 } description } update
            && description != session.State.Scene?.Environment)
        {
            session.Append(new WorldEvent.EnvironmentChanged(description) { Time = update.Time is { Length: > 0 } t ? t : null });
        }

        var summary = await AskNarratorAsync(Role.Narrator, session.Cast.Narrator.SummariseRoundAsync, cancellation);
        if (summary.Value is { Length: > 0 } text)
        {
            session.Append(new WorldEvent.Narrated(text, NarrationKind.Summary));
        }

        session.Append(new WorldEvent.ClockAdvanced(session.State.World.Info.Clock.MinutesPerRound));
        FireTriggers();

        var scene = SceneRules.Current(session.State)!;
        var participants = Participants().ToList();
        ImmutableArray<string> next = scene.TurnOrder == TurnOrder.Fixed
            ? [.. participants]
            : [.. narrator.Completed.Where(participants.Contains).Concat(participants).Distinct()];
        narrator = narrator with { Queue = next, Completed = [], Directions = narrator.Directions.Clear() };

        var round = session.State.Scene!.Round;
        var over = SceneRules.GoalReached(session.State) || SceneRules.OutOfRounds(session.State)
            || (session.Options.RoundLimit is { } limit && round >= limit);
        return new PhaseOutcome(over ? NarratorTrigger.SceneOver : NarratorTrigger.RoundClosed, narrator);
    }
}
