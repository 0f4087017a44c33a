using TaleForge.Engine.Trajectories;

namespace TaleForge.Tui.Story;

/// <summary>One way the last turn went: the player's decision and the story told after it.</summary>
public sealed record ReplyBranch(long Decision, string Text, bool Current);

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
        var main = file.MainBranch();
        if (main.OfType<CallRecord>().LastOrDefault(c => c.Player is not null) is not { } last)
        {
            return [];
        }
        var decisions = file.Calls.Where(c => c.Player == last.Player && c.Parent == last.Parent).OrderBy(c => c.Line).ToList();
        return [.. decisions.Select(d => new ReplyBranch(d.Step, Told(file, d), d.Step == last.Step))];
    }

    private static string Told(TrajectoryFile file, CallRecord decision)
    {
        var texts = file.Records
            .SkipWhile(r => r.Line <= decision.Line)
            .TakeWhile(r => r is not CallRecord { Player: not null })
            .OfType<EventRecord>()
            .Select(e => decision.Player is { } player ? e.TextFor(player) ?? (e.Observers.IsEmpty ? e.Text : null) : e.Text)
            .OfType<string>();
        return string.Join('\n', texts);
    }
}
