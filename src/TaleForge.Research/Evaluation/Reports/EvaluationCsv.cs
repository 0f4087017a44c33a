using CsvHelper;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>
/// The report as CSV files, one table each (see docs/evaluation.md for every column). The judged files
/// (judge-characters.csv, judge-narrator.csv) are score sheets that <c>eval agreement</c> reads as they are.
/// </summary>
public static class EvaluationCsv
{
    public const string JudgedCharacters = "judge-characters.csv";
    public const string JudgedNarrator = "judge-narrator.csv";
    public const string CharactersByModel = "characters-by-model.csv";
    public const string CharactersByCharacter = "characters-by-character.csv";
    public const string CharactersByScene = "characters-by-scene.csv";
    public const string CharactersByWork = "characters-by-work.csv";
    public const string CharactersByProtocol = "characters-by-protocol.csv";
    public const string NarratorByModel = "narrator-by-model.csv";
    public const string JudgedNarratorCalls = "judge-narrator-calls.csv";
    public const string NarratorByCallType = "narrator-by-call-type.csv";
    public const string Comparison = "comparison.csv";
    public const string FormatFailures = "format-failures.csv";
    public const string Characters = "characters.csv";
    public const string Leaks = "leaks.csv";
    public const string ObjectiveByModel = "objective-by-model.csv";
    public const string Interviews = "interview.csv";

    /// <summary>The files and their rows, header first.</summary>
    public static IEnumerable<(string File, IEnumerable<string[]> Rows)> Tables(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Judge is not null)
        {
            yield return (JudgedCharacters, JudgedCharacterRows(report));
            yield return (JudgedNarrator, JudgedNarratorRows(report));
            // The overall row (every model together) closes the table by model.
            IEnumerable<AggregateScores> byModel = report.CharactersOverall is { } all ? [.. report.CharactersByModel, all] : report.CharactersByModel;
            yield return (CharactersByModel, AggregateRows("model", byModel, CharacterDimensions.All));
            yield return (CharactersByCharacter, AggregateRows("character", report.CharactersByCharacter, CharacterDimensions.All));
            yield return (CharactersByScene, AggregateRows("scene", report.CharactersByScene, CharacterDimensions.All));
            yield return (CharactersByWork, AggregateRows("work", report.CharactersByWork, CharacterDimensions.All));
            yield return (CharactersByProtocol, AggregateRows("protocol", report.CharactersByProtocol, CharacterDimensions.All));
            yield return (NarratorByModel, AggregateRows("model", report.NarratorByModel, NarratorMaxims.All));
            if (!report.NarratorCallVerdicts.IsEmpty)
            {
                yield return (JudgedNarratorCalls, JudgedNarratorCallRows(report));
                yield return (NarratorByCallType, AggregateRows("call_type", report.NarratorByCallType, NarratorMaxims.All));
            }
        }
        if (!report.Comparisons.IsEmpty)
        {
            yield return (Comparison, ComparisonRows(report));
        }
        yield return (FormatFailures, FormatRows(report));
        yield return (Characters, CharacterRows(report));
        yield return (Leaks, LeakRows(report));
        yield return (ObjectiveByModel, ObjectiveRows(report));
        if (report.Interviewer is not null)
        {
            yield return (Interviews, InterviewRows(report));
        }
    }

    public static void Write(string path, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n" }, FileOptions.None);
        foreach (var row in rows)
        {
            csv.WriteRecord(row);
        }
        csv.Flush();
    }

    private static IEnumerable<string[]> JudgedCharacterRows(EvaluationReport report)
    {
        yield return ["trajectory", "scene", "character", "model", "rounds", .. CharacterDimensions.All.Select(d => d.Key), "average", "attempts", "failure", "critique"];
        foreach (var v in report.CharacterVerdicts)
        {
            yield return [v.Trajectory, v.Scene, v.Character, v.Model, Numbers.Whole(v.Rounds),
                .. CharacterDimensions.All.Select((_, i) => v.Judged ? Numbers.Whole(v.Scores[i]) : ""),
                Numbers.Score(v.Average), Numbers.Whole(v.Attempts), v.Failure ?? "", v.Critique];
        }
    }

    private static IEnumerable<string[]> JudgedNarratorRows(EvaluationReport report)
    {
        yield return ["trajectory", "scene", "model", "lines", .. NarratorMaxims.All.Select(d => d.Key), "average", "attempts", "failure", "critique"];
        foreach (var v in report.NarratorVerdicts)
        {
            yield return [v.Trajectory, v.Scene, v.Model, Numbers.Whole(v.Lines),
                .. NarratorMaxims.All.Select((_, i) => v.Judged ? Numbers.Whole(v.Scores[i]) : ""),
                Numbers.Score(v.Average), Numbers.Whole(v.Attempts), v.Failure ?? "", v.Critique];
        }
    }

    private static IEnumerable<string[]> JudgedNarratorCallRows(EvaluationReport report)
    {
        yield return ["trajectory", "scene", "model", "call_type", "calls", .. NarratorMaxims.All.Select(d => d.Key), "average", "attempts", "failure", "critique"];
        foreach (var v in report.NarratorCallVerdicts)
        {
            yield return [v.Trajectory, v.Scene, v.Model, v.CallType, Numbers.Whole(v.Calls),
                .. NarratorMaxims.All.Select((_, i) => v.Judged ? Numbers.Whole(v.Scores[i]) : ""),
                Numbers.Score(v.Average), Numbers.Whole(v.Attempts), v.Failure ?? "", v.Critique];
        }
    }

    private static IEnumerable<string[]> AggregateRows(string group, IEnumerable<AggregateScores> rows, IReadOnlyList<Dimension> dimensions)
    {
        yield return [group, "scenes", "verdicts", .. dimensions.Select(d => d.Key), "average"];
        foreach (var row in rows)
        {
            yield return [row.Group, Numbers.Whole(row.Scenes), Numbers.Whole(row.Verdicts), .. row.Means.Select(m => Numbers.Score(m)), Numbers.Score(row.Average)];
        }
    }

    private static IEnumerable<string[]> ComparisonRows(EvaluationReport report)
    {
        yield return ["by", "a", "b", "dimension", "scenes_a", "scenes_b", "mean_a", "mean_b", "difference", "low", "high", "confidence", "resamples", "excludes_zero"];
        foreach (var c in report.Comparisons)
        {
            yield return [c.By.ToString().ToLowerInvariant(), c.A, c.B, c.Dimension, Numbers.Whole(c.ScenesA), Numbers.Whole(c.ScenesB),
                Numbers.Score(c.MeanA), Numbers.Score(c.MeanB), Numbers.Score(c.Interval.Difference), Numbers.Score(c.Interval.Low),
                Numbers.Score(c.Interval.High), Numbers.Rate(c.Interval.Confidence), Numbers.Whole(c.Interval.Resamples), c.Interval.ExcludesZero ? "true" : "false"];
        }
    }

    private static IEnumerable<string[]> FormatRows(EvaluationReport report)
    {
        yield return ["model", "role", "calls", "attempts", "refused", "format_failures", "failed_calls", "format_failure_rate", "refusal_rate"];
        foreach (var r in report.FormatFailures)
        {
            yield return [r.Model, r.Role, Numbers.Whole(r.Calls), Numbers.Whole(r.Attempts), Numbers.Whole(r.Refused),
                Numbers.Whole(r.FormatFailures), Numbers.Whole(r.FailedCalls), Numbers.Rate(r.FormatFailureRate), Numbers.Rate(r.RefusalRate)];
        }
    }

    private static IEnumerable<string[]> CharacterRows(EvaluationReport report)
    {
        yield return ["world", "character", "model", "episodes", "turns", "vetoed_turns", "veto_rate", "texts", "leaking_texts", "leak_rate", "words", "distinct_1", "distinct_2"];
        foreach (var r in report.Characters)
        {
            yield return [r.World, r.Character, r.Model, Numbers.Whole(r.Episodes), Numbers.Whole(r.Turns), Numbers.Whole(r.VetoedTurns), Numbers.Rate(r.VetoRate),
                Numbers.Whole(r.Texts), Numbers.Whole(r.LeakingTexts), Numbers.Rate(r.LeakRate), Numbers.Whole(r.Words), Numbers.Rate(r.Distinct1), Numbers.Rate(r.Distinct2)];
        }
    }

    private static IEnumerable<string[]> LeakRows(EvaluationReport report)
    {
        yield return ["trajectory", "step", "scene", "character", "model", "owner", "secret", "keyword", "text"];
        foreach (var r in report.Characters)
        {
            foreach (var leak in r.Leaks)
            {
                yield return [leak.Trajectory, Numbers.Whole(leak.Step), leak.Scene, leak.Character, r.Model, leak.Owner, leak.Secret, leak.Keyword, leak.Text];
            }
        }
    }

    private static IEnumerable<string[]> ObjectiveRows(EvaluationReport report)
    {
        yield return ["model", "attempts", "format_failure_rate", "turns", "veto_rate", "texts", "leak_rate", "distinct_1", "distinct_2"];
        foreach (var r in report.ObjectiveByModel)
        {
            yield return [r.Model, Numbers.Whole(r.Attempts), Numbers.Rate(r.FormatFailureRate), Numbers.Whole(r.Turns), Numbers.Rate(r.VetoRate),
                Numbers.Whole(r.Texts), Numbers.Rate(r.LeakRate), Numbers.Rate(r.Distinct1), Numbers.Rate(r.Distinct2)];
        }
    }

    private static IEnumerable<string[]> InterviewRows(EvaluationReport report)
    {
        var traits = Enum.GetValues<BigFiveTrait>();
        yield return ["world", "character", "model", "answered",
            .. traits.Select(t => t.ToString().ToLowerInvariant()), .. traits.Select(t => "authored_" + t.ToString().ToLowerInvariant()),
            "pearson", "mean_absolute_error"];
        foreach (var r in report.Interviews)
        {
            yield return [r.World, r.Character, r.Model, Numbers.Whole(r.Answers.Count),
                .. traits.Select(t => Numbers.Rate(r.Measured.GetValueOrDefault(t))),
                .. traits.Select(t => r.Authored is null ? "" : Numbers.Rate(BigFiveInterview.Of(r.Authored, t))),
                Numbers.Rate(r.Correlation), Numbers.Rate(r.MeanAbsoluteError)];
        }
    }
}
