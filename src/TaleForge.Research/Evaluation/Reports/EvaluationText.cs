using System.Text;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>The report as the terminal shows it: one table per part, models compared side by side.</summary>
public static class EvaluationText
{
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var worlds = string.Join(", ", report.Trajectories.Select(t => t.World).Distinct(StringComparer.Ordinal));
        text.Append($"{report.Trajectories.Length} trajectories ({worlds}); judge: {report.Judge ?? "none"}; interview: {report.Interviewer ?? "none"}\n");
        if (report.Judge is not null)
        {
            var failed = report.CharacterVerdicts.Count(v => !v.Judged) + report.NarratorVerdicts.Count(v => !v.Judged);
            text.Append($"\nCharacters, judged 1-5 (mean over the characters of a scene, then over scenes); {report.CharacterVerdicts.Length} verdicts"
                + (failed > 0 ? $", {failed} not given" : "") + "\n");
            text.Append(TextTable.Render(
                ["model", "scenes", .. CharacterDimensions.All.Select(d => d.Abbreviation), "Avg"],
                CharacterRows(report).Select(a => (IReadOnlyList<string>)[a.Group, $"{a.Scenes}", .. a.Means.Select(m => Numbers.Shown(m)), Numbers.Shown(a.Average)])));
            text.Append($"\nNarrator, Grice's maxims 1-5 (mean over scenes); {report.NarratorVerdicts.Length} verdicts\n");
            text.Append(TextTable.Render(
                ["model", "scenes", .. NarratorMaxims.All.Select(d => d.Name), "Avg"],
                report.NarratorByModel.Select(a => (IReadOnlyList<string>)[a.Group, $"{a.Scenes}", .. a.Means.Select(m => Numbers.Shown(m)), Numbers.Shown(a.Average)])));
            if (!report.NarratorCallVerdicts.IsEmpty)
            {
                text.Append($"\nNarrator by call type, Grice's maxims 1-5 (mean over scenes); {report.NarratorCallVerdicts.Length} verdicts\n");
                text.Append(TextTable.Render(
                    ["call type (model)", "scenes", .. NarratorMaxims.All.Select(d => d.Name), "Avg"],
                    report.NarratorByCallType.Select(a => (IReadOnlyList<string>)[a.Group, $"{a.Scenes}", .. a.Means.Select(m => Numbers.Shown(m)), Numbers.Shown(a.Average)])));
            }
        }
        if (!report.Comparisons.IsEmpty)
        {
            var first = report.Comparisons[0];
            text.Append($"\nComparison by {first.By.ToString().ToLowerInvariant()}: difference A - B of the scene means, "
                + $"{Numbers.Shown(first.Interval.Confidence * 100, "0")}% bootstrap interval ({first.Interval.Resamples} resamples); * where it leaves out 0\n");
            text.Append(TextTable.Render(
                ["A", "B", "dimension", "scenes", "mean A", "mean B", "A - B", "interval", ""],
                report.Comparisons.Select(c => (IReadOnlyList<string>)[c.A, c.B, c.Dimension, $"{c.ScenesA}/{c.ScenesB}",
                    Numbers.Shown(c.MeanA), Numbers.Shown(c.MeanB), Numbers.Shown(c.Interval.Difference),
                    $"[{Numbers.Shown(c.Interval.Low)}, {Numbers.Shown(c.Interval.High)}]", c.Interval.ExcludesZero ? "*" : ""])));
        }
        text.Append("\nObjective metrics by model\n");
        text.Append(TextTable.Render(
            ["model", "attempts", "format-fail", "turns", "vetoed", "texts", "leaking", "distinct-1", "distinct-2"],
            report.ObjectiveByModel.Select(r => (IReadOnlyList<string>)[r.Model, $"{r.Attempts}", Numbers.Shown(r.FormatFailureRate, "0.000"), $"{r.Turns}",
                Numbers.Shown(r.VetoRate, "0.000"), $"{r.Texts}", Numbers.Shown(r.LeakRate, "0.000"), Numbers.Shown(r.Distinct1, "0.000"), Numbers.Shown(r.Distinct2, "0.000")])));
        text.Append("\nCharacters\n");
        text.Append(TextTable.Render(
            ["character", "model", "turns", "vetoed", "texts", "leaks", "distinct-1", "distinct-2"],
            report.Characters.Select(r => (IReadOnlyList<string>)[r.Character, r.Model, $"{r.Turns}", $"{r.VetoedTurns}", $"{r.Texts}", $"{r.LeakingTexts}",
                Numbers.Shown(r.Distinct1, "0.000"), Numbers.Shown(r.Distinct2, "0.000")])));
        if (report.Interviewer is not null)
        {
            var traits = Enum.GetValues<BigFiveTrait>();
            text.Append($"\nBig Five interview (BFI-44, 0-1) against the authored scores; interviewer: {report.Interviewer}\n");
            text.Append(TextTable.Render(
                ["character", "answered", .. traits.Select(t => t.ToString()[..1]), "authored O/C/E/A/N", "r", "MAE"],
                report.Interviews.Select(r => (IReadOnlyList<string>)[r.Character, $"{r.Answers.Count}/44",
                    .. traits.Select(t => Numbers.Shown(r.Measured.GetValueOrDefault(t))),
                    r.Authored is { } a ? string.Join("/", traits.Select(t => Numbers.Shown(BigFiveInterview.Of(a, t)))) : "-",
                    Numbers.Shown(r.Correlation), Numbers.Shown(r.MeanAbsoluteError)])));
        }
        return text.ToString();
    }

    /// <summary>The models, then every model together when there are several.</summary>
    private static IEnumerable<AggregateScores> CharacterRows(EvaluationReport report) =>
        report.CharactersByModel.Length > 1 && report.CharactersOverall is { } all ? [.. report.CharactersByModel, all] : report.CharactersByModel;
}
