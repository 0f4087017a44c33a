using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Session;

public sealed partial class GameSession
{
    /// <summary>
    /// A session that continues a recorded play-through from one of its checkpoints: the events on the branch
    /// leading there are folded once, here (the save slot it writes into keeps no state), the narrator resumes in the recorded phase, and new steps are numbered after
    /// every step in the file, so the tree can only grow.
    /// </summary>
    /// <param name="checkpoint">The step of a checkpoint record; the last checkpoint in the file when null.</param>
    public static GameSession Resume(WorldDefinition world, Cast cast, TrajectoryFile trajectory, long? checkpoint = null, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var target = checkpoint is { } step
            ? trajectory.Checkpoints.LastOrDefault(c => c.Step == step)
                ?? throw new TaleForgeException($"{trajectory.Path} has no checkpoint at step {step}; checkpoints are at steps {string.Join(", ", trajectory.Checkpoints.Select(c => c.Step).Distinct())}.")
            : trajectory.Checkpoints.LastOrDefault()
                ?? throw new TaleForgeException($"{trajectory.Path} has no checkpoint to resume from: the play-through never reached a player's turn.");

        var session = new GameSession(world, cast, options);
        var path = trajectory.PathTo(target.Step);
        var checkpoints = trajectory.Checkpoints.Where(c => path.Any(e => e.Step == c.Step)).ToList();
        var state = WorldState.Initial(world);
        foreach (var record in path)
        {
            var before = state;
            state = state.Apply(record.Event);
            var entry = new LogEntry
            {
                Step = record.Step,
                Parent = record.Parent,
                Scene = record.Scene,
                Round = record.Round,
                Phase = record.Phase,
                Time = state.Clock,
                Actor = record.Actor,
                Observed = new ObservedEvent(record.Event, record.Observers),
            };
            var applied = new AppliedEvent(entry, before, state);
            session._log.Add(applied);
            session._observations.Add(applied);
            foreach (var mark in checkpoints.Where(c => c.Step == record.Step))
            {
                session._checkpoints.Add(new Checkpoint(session._log.Count, record.Step, state, mark.Narrator));
            }
        }
        session.State = state;
        session.Become(target.Narrator);
        session._head = target.Step;
        // Continuing from the newest point numbers steps as the original would have; branching from an older one
        // must not reuse the steps recorded after it.
        session._nextStep = Math.Max(target.NextStep, trajectory.Records.Select(r => r.Step).DefaultIfEmpty(-1).Max() + 1);
        // Keep one checkpoint per point, the latest narrator state for it (a retried turn writes its point twice).
        var distinct = session._checkpoints.GroupBy(c => c.LogLength).Select(g => g.Last()).ToList();
        session._checkpoints.Clear();
        session._checkpoints.AddRange(distinct);
        return session;
    }
}
