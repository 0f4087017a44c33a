using System.Collections.Immutable;
using TaleForge.Research.Evaluation.Judging;
using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Research.Evaluation.Comparison;

/// <summary>
/// Compares every pair of groups (models, protocols or works) on the judged character scores. The unit is a scene
/// visit (a scene of a trajectory) with the mean over the characters the group played there, as CharacterBox
/// aggregates; the seven dimensions and their average are each compared with a seeded bootstrap interval.
/// </summary>
public static class GroupComparison
{
    public const string Average = "average";

    public static ImmutableArray<GroupDifference> Of(EvaluationReport report, CompareBy by, long seed,
        int resamples = Bootstrap.DefaultResamples, double confidence = Bootstrap.DefaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(report);
        Func<CharacterVerdict, string> group = by switch
        {
            CompareBy.Model => v => v.Model,
            CompareBy.Protocol => v => report.ProtocolOf(v.Trajectory),
            CompareBy.Work => v => report.WorkOf(v.Trajectory),
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "Compare by model, protocol or work."),
        };
        // Per group, the scene visits' means: one row per visit, the seven dimensions then their average.
        var visits = report.CharacterVerdicts.Where(v => v.Judged)
            .GroupBy(group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Group: g.Key, Rows: g.GroupBy(v => (v.Trajectory, v.Scene))
                .Select(s =>
                {
                    var means = Enumerable.Range(0, CharacterDimensions.All.Length).Select(d => s.Average(v => (double)v.Scores[d])).ToList();
                    return (IReadOnlyList<double>)[.. means, means.Average()];
                })
                .ToList()))
            .ToList();
        string[] dimensions = [.. CharacterDimensions.All.Select(d => d.Key), Average];
        var differences = ImmutableArray.CreateBuilder<GroupDifference>();
        var comparison = 0;
        for (var i = 0; i < visits.Count; i++)
        {
            for (var j = i + 1; j < visits.Count; j++, comparison++)
            {
                for (var d = 0; d < dimensions.Length; d++)
                {
                    var a = visits[i].Rows.Select(r => r[d]).ToList();
                    var b = visits[j].Rows.Select(r => r[d]).ToList();
                    // Each interval has its own seed, from the given one, the pair and the dimension: reproducible, and not
                    // the same resampling for every dimension.
                    var own = unchecked((int)(seed ^ (seed >> 32)) * 1_000_003 + comparison * 31 + d);
                    var interval = Bootstrap.DifferenceOfMeans(a, b, own, resamples, confidence);
                    differences.Add(new GroupDifference(by, visits[i].Group, visits[j].Group, dimensions[d], a.Count, b.Count, a.Average(), b.Average(), interval));
                }
            }
        }
        return differences.ToImmutable();
    }
}
