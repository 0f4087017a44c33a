using System.Collections.Immutable;
using TaleForge.Core;

namespace TaleForge.Research.Evaluation.Statistics;

/// <summary>How well a judge agrees with people on one dimension, over the rows both rated.</summary>
public sealed record DimensionAgreement(string Dimension, int Pairs, double? Pearson, double? Spearman, double? Alpha);

/// <summary>
/// Judge against human scores: rows matched by key, then per dimension Pearson's r, Spearman's rho and
/// Krippendorff's alpha (interval, the judge and the human as two raters). Every human row must match a judge row;
/// judge rows nobody rated are left out.
/// </summary>
public static class Agreement
{
    public static ImmutableArray<DimensionAgreement> Compare(ScoreSheet judge, ScoreSheet human)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(human);
        if (!judge.Keys.SequenceEqual(human.Keys))
        {
            throw new TaleForgeException($"{human.Path}:1: the key columns are {string.Join(", ", human.Keys)}, but {judge.Path} has "
                + $"{string.Join(", ", judge.Keys)}; compare character sheets with character sheets and narrator sheets with narrator sheets.");
        }
        var dimensions = judge.Scores.Where(human.Scores.Contains).ToList();
        if (dimensions.Count == 0)
        {
            throw new TaleForgeException($"{human.Path}:1: no score column in common with {judge.Path} ({string.Join(", ", human.Scores)} "
                + $"against {string.Join(", ", judge.Scores)}); name the human columns as the judge's are named.");
        }
        var byKey = judge.Rows.ToDictionary(r => string.Join("\u001f", r.Key), StringComparer.Ordinal);
        var matched = new List<(ScoredRow Judge, ScoredRow Human)>();
        foreach (var row in human.Rows)
        {
            if (!byKey.TryGetValue(string.Join("\u001f", row.Key), out var judged))
            {
                throw new TaleForgeException($"{human.Path}:{row.Line}: no row of {judge.Path} has {ScoreSheet.Describe(human.Keys, row.Key)}; "
                    + "copy the key columns from the judge's file so each human row names a judged row.");
            }
            matched.Add((judged, row));
        }
        return [.. dimensions.Select(dimension =>
        {
            var pairs = matched
                .Where(m => m.Judge.Scores[dimension] is not null && m.Human.Scores[dimension] is not null)
                .Select(m => (Judge: m.Judge.Scores[dimension]!.Value, Human: m.Human.Scores[dimension]!.Value))
                .ToList();
            var x = pairs.Select(p => p.Judge).ToList();
            var y = pairs.Select(p => p.Human).ToList();
            return new DimensionAgreement(dimension, pairs.Count, Correlations.Pearson(x, y), Correlations.Spearman(x, y), KrippendorffAlpha.Interval(x, y));
        })];
    }
}
