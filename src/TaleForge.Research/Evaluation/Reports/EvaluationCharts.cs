using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>The charts of a report, comparing models dimension by dimension.</summary>
public static class EvaluationCharts
{
    public const string Characters = "characters-by-model.svg";
    public const string Narrator = "narrator-by-model.svg";
    public const string Objective = "objective-by-model.svg";

    public static IEnumerable<(string File, string Svg)> Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.CharactersByModel.IsEmpty)
        {
            yield return (Characters, SvgBarChart.Render(
                $"Characters by model (judge: {report.Judge}; 1-5)",
                [.. CharacterDimensions.All.Select(d => d.Abbreviation), "Avg"],
                [.. report.CharactersByModel.Select(a => new ChartSeries(a.Group, [.. a.Means.Select(m => (double?)m), a.Average]))],
                maximum: 5, tick: 1));
        }
        if (!report.NarratorByModel.IsEmpty)
        {
            yield return (Narrator, SvgBarChart.Render(
                $"Narrator by model, Grice's maxims (judge: {report.Judge}; 1-5)",
                [.. NarratorMaxims.All.Select(d => d.Name), "Avg"],
                [.. report.NarratorByModel.Select(a => new ChartSeries(a.Group, [.. a.Means.Select(m => (double?)m), a.Average]))],
                maximum: 5, tick: 1));
        }
        yield return (Objective, SvgBarChart.Render(
            "Objective metrics by model (0-1)",
            ["format failures", "vetoed turns", "leaking texts", "distinct-1", "distinct-2"],
            [.. report.ObjectiveByModel.Select(r => new ChartSeries(r.Model, [r.FormatFailureRate, r.VetoRate, r.LeakRate, r.Distinct1, r.Distinct2]))],
            maximum: 1, tick: 0.25));
    }
}
