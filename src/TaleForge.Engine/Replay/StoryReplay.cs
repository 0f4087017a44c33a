using System.Collections.Immutable;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>What a replay shows: one branch, from the narrator's view or one character's, optionally one phase only.</summary>
public sealed record ReplayView
{
    /// <summary>The character whose view to show (id); null for the narrator's view of everything.</summary>
    public string? Character { get; init; }

    /// <summary>Only records made in this narrator phase.</summary>
    public NarratorPhase? Phase { get; init; }

    /// <summary>Show the branch ending at this step; null for the main branch (the one written last).</summary>
    public long? Step { get; init; }
}

public enum StoryLineKind
{
    /// <summary>Something that happened, as the viewer perceived it.</summary>
    Event,

    /// <summary>The viewing character's own mind: revised beliefs, a reflection.</summary>
    Thought,

    /// <summary>A decision the viewing character asked for or made (a model call or the player's input).</summary>
    Decision,
}

/// <summary>One line of a replayed story, with the record it came from.</summary>
public sealed record StoryLine(StoryLineKind Kind, string Text, TrajectoryRecord Record, string Scene, int Round, NarratorPhase Phase);

/// <summary>
/// Tells a recorded story again from the file alone: the narrator's text for every event, or what one character
/// perceived in its own words with its own thoughts and decisions. Needs the world only for files written
/// without event text.
/// </summary>
public static class StoryReplay
{
    /// <summary>The records of the branch the view asks for, filtered to the view's character and phase.</summary>
    public static ImmutableArray<TrajectoryRecord> Records(TrajectoryFile trajectory, ReplayView view)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(view);
        var branch = view.Step is { } step ? trajectory.BranchTo(step) : trajectory.MainBranch();
        return [.. branch.Where(r => InPhase(r, view.Phase) && Concerns(r, view.Character))];
    }

    /// <summary>True when the file has no event text, so telling it needs the world it was played in.</summary>
    public static bool NeedsWorld(TrajectoryFile trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return trajectory.Events.Any() && trajectory.Events.All(e => e.Text is null && e.Observations.IsEmpty);
    }

    /// <summary>The story lines of the view. <paramref name="world"/> is needed only when <see cref="NeedsWorld"/>.</summary>
    public static IEnumerable<StoryLine> Lines(TrajectoryFile trajectory, ReplayView view, WorldDefinition? world = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(view);
        if (world is null && NeedsWorld(trajectory))
        {
            throw new TaleForgeException($"{trajectory.Path} was written without event text; the world it was played in is needed to tell it.");
        }
        var branch = view.Step is { } step ? trajectory.BranchTo(step) : trajectory.MainBranch();
        var state = world is null ? null : WorldState.Initial(world);
        foreach (var record in branch)
        {
            if (record is EventRecord e && state is not null)
            {
                state = state.Apply(e.Event);
            }
            if (!InPhase(record, view.Phase) || Line(record, view.Character, state) is not { } line)
            {
                continue;
            }
            yield return line;
        }
    }

    /// <summary>The ids of everyone the trajectory mentions as actor, observer or role, for checking a --character.</summary>
    public static ImmutableSortedSet<string> Characters(TrajectoryFile trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var ids = trajectory.Events.SelectMany(e => e.Observers.Append(e.Actor ?? ""))
            .Concat(trajectory.Calls.Select(c => c.Character ?? c.Player ?? ""))
            .Append(trajectory.Header.Player ?? "")
            .Where(id => id.Length > 0);
        return ids.ToImmutableSortedSet(StringComparer.Ordinal);
    }

    private static StoryLine? Line(TrajectoryRecord record, string? viewer, WorldState? state)
    {
        switch (record)
        {
            case EventRecord e when viewer is null:
                return e.Told(null, state) is { } told ? Make(StoryLineKind.Event, told, e) : null;
            case EventRecord { Event: WorldEvent.BeliefsRevised b } e when b.Character == viewer:
                return Make(StoryLineKind.Thought, DecisionText.Beliefs(b.Beliefs), e);
            case EventRecord { Event: WorldEvent.MemoryAdded m } e when m.Character == viewer:
                return Make(StoryLineKind.Thought, m.Memory.Text, e);
            case EventRecord e:
                return e.Observers.Contains(viewer!) && e.Told(viewer, state) is { } seen ? Make(StoryLineKind.Event, seen, e) : null;
            case CallRecord c when viewer is not null && (c.Character == viewer || c.Player == viewer):
                return new StoryLine(StoryLineKind.Decision, DecisionText.Of(c), c, c.Scene, c.Round, c.Phase);
            default:
                return null;
        }
    }

    private static StoryLine Make(StoryLineKind kind, string text, EventRecord e) => new(kind, text, e, e.Scene, e.Round, e.Phase);


    private static bool InPhase(TrajectoryRecord record, NarratorPhase? phase) => phase is not { } wanted || record switch
    {
        EventRecord e => e.Phase == wanted,
        CallRecord c => c.Phase == wanted,
        _ => false,
    };

    /// <summary>For --json: the records a character's view shows (what it perceived, its mind, its calls).</summary>
    private static bool Concerns(TrajectoryRecord record, string? viewer) => viewer is null || record switch
    {
        EventRecord { Event: WorldEvent.BeliefsRevised b } => b.Character == viewer,
        EventRecord { Event: WorldEvent.MemoryAdded m } => m.Character == viewer,
        EventRecord e => e.Observers.Contains(viewer),
        CallRecord c => c.Character == viewer || c.Player == viewer,
        _ => false,
    };
}
