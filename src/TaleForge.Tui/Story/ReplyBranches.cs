using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Tui.Story;

/// <summary>
/// One way the last turn went: the player's decision, the story told after it, whether it is the one played now,
/// and the step of the point where play came back to the player on it (what continuing from it resumes); null
/// when it never came back (a stopped generation).
/// </summary>
public sealed record ReplyBranch(long Decision, string Text, bool Current, long? Position = null);

/// <summary>
/// The alternatives of the last reply, read from the trajectory tree: the player's decisions made at the point
/// where the current one was made (each undo or retry there adds one, with the same parent), and for each the
/// events written after it up to the player's next decision, in the order they were played; the one played
/// now is marked current.
/// </summary>
public static class ReplyBranches
{
    public static IReadOnlyList<ReplyBranch> Of(TrajectoryFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        // Questions the player asked (look, examine) are recorded as their decisions too, but take no turn.
        if (Standing(file).OfType<CallRecord>().LastOrDefault(IsTurn) is not { } last)
        {
            return [];
        }
        var decisions = file.Calls.Where(c => IsTurn(c) && c.Player == last.Player && c.Parent == last.Parent).OrderBy(c => c.Line).ToList();
        return [.. decisions.Select(d => Branch(file, d, d.Step == last.Step))];
    }

    /// <summary>
    /// The branch play stands on: where the last position was written, when it was written after the last event
    /// (an undo, or going over to another branch, moved play there); else the branch of the last event.
    /// </summary>
    private static IReadOnlyList<TrajectoryRecord> Standing(TrajectoryFile file)
    {
        var position = file.Checkpoints.LastOrDefault();
        return position is { Step: >= 0 } && (file.LastEvent is not { } lastEvent || position.Line > lastEvent.Line)
            ? file.BranchTo(position.Step)
            : file.MainBranch();
    }

    private static bool IsTurn(CallRecord call) => call.Player is not null && call.Schema == PlayerDecisions.TurnSchema;

    private static ReplyBranch Branch(TrajectoryFile file, CallRecord decision, bool current)
    {
        var events = file.Records
            .SkipWhile(r => r.Line <= decision.Line)
            .TakeWhile(r => r is not CallRecord { Player: not null })
            .OfType<EventRecord>()
            .ToList();
        var texts = events
            .Select(e => decision.Player is { } player ? e.TextFor(player) ?? (e.Observers.IsEmpty ? e.Text : null) : e.Text)
            .OfType<string>();
        // Where play came back to the player: the last of these events a position was written at.
        var positions = file.Checkpoints.Select(c => c.Step).ToHashSet();
        long? position = events.LastOrDefault(e => positions.Contains(e.Step))?.Step;
        return new ReplyBranch(decision.Step, string.Join('\n', texts), current, position);
    }
}
