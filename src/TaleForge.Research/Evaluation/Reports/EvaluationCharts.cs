using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>The charts of a report, comparing models dimension by dimension (and the groups compared, when asked).</summary>
public static class EvaluationCharts
{
    public const string Characters = "characters-by-model";
    public const string Narrator = "narrator-by-model";
    public const string Objective = "objective-by-model";
    public const string Comparison = "comparison";

    public static IEnumerable<Chart> Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.CharactersByModel.IsEmpty)
        {
            string[] categories = [.. CharacterDimensions.All.Select(d => d.Abbreviation), "Avg"];
            yield return new Chart(Characters, BarChart.Draw(
                $"Characters by model (judge: {report.Judge}; 1-5)",
                categories,
                [.. report.CharactersByModel.Select(a => new ChartSeries(a.Group, [.. a.Means.Select(m => (double?)m), a.Average]))],
                maximum: 5, tick: 1), BarChart.Width(categories.Length, report.CharactersByModel.Length));
        }
        if (!report.NarratorByModel.IsEmpty)
        {
            string[] categories = [.. NarratorMaxims.All.Select(d => d.Name), "Avg"];
            yield return new Chart(Narrator, BarChart.Draw(
                $"Narrator by model, Grice's maxims (judge: {report.Judge}; 1-5)",
                categories,
                [.. report.NarratorByModel.Select(a => new ChartSeries(a.Group, [.. a.Means.Select(m => (double?)m), a.Average]))],
                maximum: 5, tick: 1), BarChart.Width(categories.Length, report.NarratorByModel.Length));
        }
        if (!report.Comparisons.IsEmpty)
        {
            var pairs = report.Comparisons.GroupBy(c => (c.A, c.B)).ToList();
            string[] categories = [.. pairs[0].Select(c => c.Dimension)];
            yield return new Chart(Comparison, IntervalChart.Draw(
                $"Difference of character scores by {report.Comparisons[0].By.ToString().ToLowerInvariant()}, A - B, with {Numbers.Shown(report.Comparisons[0].Interval.Confidence * 100, "0")}% bootstrap intervals",
                categories,
                [.. pairs.Select(p => new IntervalSeries($"{p.Key.A} - {p.Key.B}", [.. p.Select(c => c.Interval)]))]),
                BarChart.Width(categories.Length, pairs.Count));
        }
        string[] objective = ["format failures", "vetoed turns", "leaking texts", "distinct-1", "distinct-2"];
        yield return new Chart(Objective, BarChart.Draw(
            "Objective metrics by model (0-1)",
            objective,
            [.. report.ObjectiveByModel.Select(r => new ChartSeries(r.Model, [r.FormatFailureRate, r.VetoRate, r.LeakRate, r.Distinct1, r.Distinct2]))],
            maximum: 1, tick: 0.25), BarChart.Width(objective.Length, report.ObjectiveByModel.Length));
    }
}
