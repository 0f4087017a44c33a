using System.Text.Json.Nodes;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>
/// The first place two trajectories part: the record's position on the main branch, its kind and step, the
/// field that differs, and what was expected (the recording) against what came (the re-run).
/// </summary>
public sealed record RecordDifference(int Index, string Kind, long Step, string Field, string Expected, string Actual)
{
    public override string ToString() =>
        $"record {Index + 1} of the main branch ({Kind} at step {Step}) differs in '{Field}': expected {Expected}, got {Actual}";
}

/// <summary>Compares the main branches of two trajectories record by record; wall-clock timings are not compared.</summary>
public static class TrajectoryComparison
{
    private const int ShownLength = 160;

    /// <returns>How many records were compared, and the first difference (null when identical).</returns>
    public static (int Compared, RecordDifference? Difference) FirstDifference(TrajectoryFile expected, TrajectoryFile actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var left = expected.MainBranch();
        var right = actual.MainBranch();
        var count = Math.Min(left.Length, right.Length);
        for (var i = 0; i < count; i++)
        {
            if (Compare(i, left[i], right[i]) is { } difference)
            {
                return (i + 1, difference);
            }
        }
        if (left.Length > count)
        {
            var missing = left[count];
            return (count, new RecordDifference(count, Kind(missing), missing.Step, "record", Show(TrajectoryLines.Of(missing)), "the end of the re-run"));
        }
        if (right.Length > count)
        {
            var extra = right[count];
            return (count, new RecordDifference(count, Kind(extra), extra.Step, "record", "the end of the recording", Show(TrajectoryLines.Of(extra))));
        }
        return (count, null);
    }

    private static RecordDifference? Compare(int index, TrajectoryRecord expected, TrajectoryRecord actual)
    {
        var a = TrajectoryLines.Of(Untimed(expected));
        var b = TrajectoryLines.Of(Untimed(actual));
        if (a == b)
        {
            return null;
        }
        var left = JsonNode.Parse(a)!.AsObject();
        var right = JsonNode.Parse(b)!.AsObject();
        var field = left.Select(p => p.Key).Concat(right.Select(p => p.Key)).Distinct()
            .First(name => !JsonNode.DeepEquals(left[name], right[name]));
        return new RecordDifference(index, Kind(expected), expected.Step, field, Show(left[field]), Show(right[field]));
    }

    private static TrajectoryRecord Untimed(TrajectoryRecord record) => record is CallRecord call
        ? call with
        {
            Milliseconds = 0,
            Candidates = call.Candidates is { } c
                ? c with { Turns = [.. c.Turns.Select(t => t with { Milliseconds = 0 })], Pick = c.Pick is { } p ? p with { Milliseconds = 0 } : null }
                : null,
        }
        : record;

    private static string Kind(TrajectoryRecord record) => record switch
    {
        EventRecord e => $"event {TrajectoryLines.EventType(e.Event)}",
        CallRecord c => $"call {c.Role} {c.Schema}",
        CheckpointRecord => "checkpoint",
        _ => "record",
    };

    private static string Show(JsonNode? node) => Show(node?.ToJsonString(TrajectoryJson.Options) ?? "(absent)");

    private static string Show(string text) => text.Length <= ShownLength ? text : text[..ShownLength] + "…";
}
