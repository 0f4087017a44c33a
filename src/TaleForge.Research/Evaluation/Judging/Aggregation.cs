using System.Collections.Immutable;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>Mean scores of one group (a model, or a character as one model played it), dimension by dimension.</summary>
public sealed record AggregateScores(string Group, int Scenes, int Verdicts, ImmutableArray<double> Means)
{
    /// <summary>The mean of the dimension means (CharacterBox's "Average").</summary>
    public double Average => Means.Average();
}

/// <summary>
/// CharacterBox's aggregation: in each scene, the mean over the characters judged there; then the mean over
/// scenes. Verdicts the judge could not give are left out. Scenes are told apart by trajectory and scene key.
/// </summary>
public static class Aggregation
{
    public static ImmutableArray<AggregateScores> ByModel(IEnumerable<CharacterVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return Group(verdicts.Where(v => v.Judged), v => v.Model, v => v.Scores, CharacterDimensions.All.Length);
    }

    /// <summary>Per character and model ("world-less" ids: a character id names the same person across its trajectories).</summary>
    public static ImmutableArray<AggregateScores> ByCharacter(IEnumerable<CharacterVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return Group(verdicts.Where(v => v.Judged), v => $"{v.Character} ({v.Model})", v => v.Scores, CharacterDimensions.All.Length);
    }

    /// <summary>Per scene visit and model: "trajectory/scene (model)", the mean over the characters that model played there.</summary>
    public static ImmutableArray<AggregateScores> ByScene(IEnumerable<CharacterVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return Group(verdicts.Where(v => v.Judged), v => $"{v.Trajectory}/{v.Scene} ({v.Model})", v => v.Scores, CharacterDimensions.All.Length);
    }

    /// <summary>Per any grouping of the verdicts (a work, a protocol), aggregated the same way.</summary>
    public static ImmutableArray<AggregateScores> By(IEnumerable<CharacterVerdict> verdicts, Func<CharacterVerdict, string> group)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentNullException.ThrowIfNull(group);
        return Group(verdicts.Where(v => v.Judged), group, v => v.Scores, CharacterDimensions.All.Length);
    }

    /// <summary>Every judged character whatever played it, aggregated the same way (group "all"); null when none was judged.</summary>
    public static AggregateScores? Overall(IEnumerable<CharacterVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var all = Group(verdicts.Where(v => v.Judged), _ => OverallGroup, v => v.Scores, CharacterDimensions.All.Length);
        return all.IsEmpty ? null : all[0];
    }

    /// <summary>The group name of <see cref="Overall"/>.</summary>
    public const string OverallGroup = "all";

    /// <summary>The narrator has one verdict per scene, so its mean over scenes is the whole aggregation.</summary>
    public static ImmutableArray<AggregateScores> NarratorByModel(IEnumerable<NarratorVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var judged = verdicts.Where(v => v.Judged).Select(v => (v.Trajectory, v.Scene, v.Model, v.Scores));
        return Group(judged, v => v.Model, v => v.Scores, NarratorMaxims.All.Length, v => (v.Trajectory, v.Scene));
    }

    /// <summary>Per call type and model, the mean over scenes of each scene's verdict on that type.</summary>
    public static ImmutableArray<AggregateScores> NarratorByCallType(IEnumerable<NarratorCallVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        // Grouped by name, which sorts in CharacterBox's order: Action Influence, Analyze Result, Update Character, Update Scene.
        var judged = verdicts.Where(v => v.Judged)
            .Select(v => (v.Trajectory, v.Scene, Group: $"{NarratorCallType.All.FirstOrDefault(t => t.Key == v.CallType)?.Name ?? v.CallType} ({v.Model})", v.Scores));
        return Group(judged, v => v.Group, v => v.Scores, NarratorMaxims.All.Length, v => (v.Trajectory, v.Scene));
    }

    private static ImmutableArray<AggregateScores> Group(IEnumerable<CharacterVerdict> verdicts, Func<CharacterVerdict, string> group,
        Func<CharacterVerdict, ImmutableArray<int>> scores, int dimensions) =>
        Group(verdicts, group, scores, dimensions, v => (v.Trajectory, v.Scene));

    private static ImmutableArray<AggregateScores> Group<T>(IEnumerable<T> verdicts, Func<T, string> group,
        Func<T, ImmutableArray<int>> scores, int dimensions, Func<T, (string Trajectory, string Scene)> scene) =>
        [.. verdicts
            .GroupBy(group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var sceneMeans = g.GroupBy(scene)
                    .Select(s => Enumerable.Range(0, dimensions).Select(d => s.Average(v => scores(v)[d])).ToArray())
                    .ToList();
                var means = Enumerable.Range(0, dimensions).Select(d => sceneMeans.Average(m => m[d])).ToImmutableArray();
                return new AggregateScores(g.Key, sceneMeans.Count, g.Count(), means);
            })];
}
