using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>
/// The whole report as one JSON document (evaluation.json): snake_case names, scores as objects keyed by
/// dimension, null where a value is undefined. Its shape is documented in docs/evaluation.md.
/// </summary>
public static class EvaluationJson
{
    public const string File = "evaluation.json";
    public const string Format = "taleforge/evaluation@1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var root = new JsonObject
        {
            ["format"] = Format,
            ["judge"] = report.Judge,
            ["interviewer"] = report.Interviewer,
            ["seed"] = report.Seed,
            ["trajectories"] = Array(report.Trajectories, t => new JsonObject
            {
                ["name"] = t.Name,
                ["world"] = t.World,
                ["seed"] = t.Seed,
                ["mode"] = t.Mode,
                ["protocol"] = t.Protocol,
                ["events"] = t.Events,
                ["calls"] = t.Calls,
                ["scenes"] = t.Scenes,
                ["warnings"] = Array(t.Warnings, w => JsonValue.Create(w)),
            }),
            ["characters"] = new JsonObject
            {
                ["verdicts"] = Array(report.CharacterVerdicts, v => new JsonObject
                {
                    ["trajectory"] = v.Trajectory,
                    ["scene"] = v.Scene,
                    ["character"] = v.Character,
                    ["model"] = v.Model,
                    ["rounds"] = v.Rounds,
                    ["scores"] = v.Judged ? Scores(CharacterDimensions.All, v.Scores.Select(s => (double)s)) : null,
                    ["average"] = v.Average,
                    ["critique"] = v.Critique,
                    ["attempts"] = v.Attempts,
                    ["format_failures"] = v.FormatFailures,
                    ["failure"] = v.Failure,
                    ["refusals"] = Array(v.Refusals, r => JsonValue.Create(r)),
                }),
                ["by_model"] = Aggregates(report.CharactersByModel, CharacterDimensions.All),
                ["by_character"] = Aggregates(report.CharactersByCharacter, CharacterDimensions.All),
                ["by_scene"] = Aggregates(report.CharactersByScene, CharacterDimensions.All),
                ["by_work"] = Aggregates(report.CharactersByWork, CharacterDimensions.All),
                ["by_protocol"] = Aggregates(report.CharactersByProtocol, CharacterDimensions.All),
                ["overall"] = report.CharactersOverall is { } overall ? Aggregate(overall, CharacterDimensions.All) : null,
            },
            ["narrator"] = new JsonObject
            {
                ["verdicts"] = Array(report.NarratorVerdicts, v => new JsonObject
                {
                    ["trajectory"] = v.Trajectory,
                    ["scene"] = v.Scene,
                    ["model"] = v.Model,
                    ["lines"] = v.Lines,
                    ["scores"] = v.Judged ? Scores(NarratorMaxims.All, v.Scores.Select(s => (double)s)) : null,
                    ["average"] = v.Average,
                    ["critique"] = v.Critique,
                    ["attempts"] = v.Attempts,
                    ["format_failures"] = v.FormatFailures,
                    ["failure"] = v.Failure,
                    ["refusals"] = Array(v.Refusals, r => JsonValue.Create(r)),
                }),
                ["by_model"] = Aggregates(report.NarratorByModel, NarratorMaxims.All),
                ["call_verdicts"] = Array(report.NarratorCallVerdicts, v => new JsonObject
                {
                    ["trajectory"] = v.Trajectory,
                    ["scene"] = v.Scene,
                    ["model"] = v.Model,
                    ["call_type"] = v.CallType,
                    ["calls"] = v.Calls,
                    ["scores"] = v.Judged ? Scores(NarratorMaxims.All, v.Scores.Select(s => (double)s)) : null,
                    ["average"] = v.Average,
                    ["critique"] = v.Critique,
                    ["attempts"] = v.Attempts,
                    ["failure"] = v.Failure,
                }),
                ["by_call_type"] = Aggregates(report.NarratorByCallType, NarratorMaxims.All),
            },
            ["objective"] = new JsonObject
            {
                ["by_model"] = Array(report.ObjectiveByModel, r => new JsonObject
                {
                    ["model"] = r.Model,
                    ["attempts"] = r.Attempts,
                    ["format_failure_rate"] = r.FormatFailureRate,
                    ["turns"] = r.Turns,
                    ["veto_rate"] = r.VetoRate,
                    ["texts"] = r.Texts,
                    ["leak_rate"] = r.LeakRate,
                    ["distinct_1"] = r.Distinct1,
                    ["distinct_2"] = r.Distinct2,
                }),
                ["format_failures"] = Array(report.FormatFailures, r => new JsonObject
                {
                    ["model"] = r.Model,
                    ["role"] = r.Role,
                    ["calls"] = r.Calls,
                    ["attempts"] = r.Attempts,
                    ["refused"] = r.Refused,
                    ["format_failures"] = r.FormatFailures,
                    ["failed_calls"] = r.FailedCalls,
                    ["format_failure_rate"] = r.FormatFailureRate,
                    ["refusal_rate"] = r.RefusalRate,
                }),
                ["characters"] = Array(report.Characters, r => new JsonObject
                {
                    ["world"] = r.World,
                    ["character"] = r.Character,
                    ["model"] = r.Model,
                    ["episodes"] = r.Episodes,
                    ["turns"] = r.Turns,
                    ["vetoed_turns"] = r.VetoedTurns,
                    ["veto_rate"] = r.VetoRate,
                    ["texts"] = r.Texts,
                    ["leaking_texts"] = r.LeakingTexts,
                    ["leak_rate"] = r.LeakRate,
                    ["leaks"] = Array(r.Leaks, l => new JsonObject
                    {
                        ["trajectory"] = l.Trajectory,
                        ["step"] = l.Step,
                        ["scene"] = l.Scene,
                        ["owner"] = l.Owner,
                        ["secret"] = l.Secret,
                        ["keyword"] = l.Keyword,
                        ["text"] = l.Text,
                    }),
                    ["words"] = r.Words,
                    ["distinct_1"] = r.Distinct1,
                    ["distinct_2"] = r.Distinct2,
                }),
            },
            ["comparisons"] = Array(report.Comparisons, c => new JsonObject
            {
                ["by"] = c.By.ToString().ToLowerInvariant(),
                ["a"] = c.A,
                ["b"] = c.B,
                ["dimension"] = c.Dimension,
                ["scenes_a"] = c.ScenesA,
                ["scenes_b"] = c.ScenesB,
                ["mean_a"] = c.MeanA,
                ["mean_b"] = c.MeanB,
                ["difference"] = c.Interval.Difference,
                ["low"] = c.Interval.Low,
                ["high"] = c.Interval.High,
                ["confidence"] = c.Interval.Confidence,
                ["resamples"] = c.Interval.Resamples,
            }),
            ["interviews"] = Array(report.Interviews, r => new JsonObject
            {
                ["world"] = r.World,
                ["character"] = r.Character,
                ["model"] = r.Model,
                ["answers"] = new JsonObject(r.Answers.Select(a => KeyValuePair.Create(a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)a.Value))),
                ["measured"] = Traits(t => r.Measured.GetValueOrDefault(t)),
                ["authored"] = r.Authored is { } five ? Traits(t => BigFiveInterview.Of(five, t)) : null,
                ["pearson"] = r.Correlation,
                ["mean_absolute_error"] = r.MeanAbsoluteError,
                ["attempts"] = r.Attempts,
                ["format_failures"] = r.FormatFailures,
            }),
        };
        return root.ToJsonString(Options);
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> node) => new([.. items.Select(node)]);

    private static JsonObject Scores(IEnumerable<Dimension> dimensions, IEnumerable<double> values) =>
        new(dimensions.Zip(values, (d, v) => KeyValuePair.Create(d.Key, (JsonNode?)v)));

    private static JsonArray Aggregates(ImmutableArray<AggregateScores> rows, IReadOnlyList<Dimension> dimensions) =>
        Array(rows, r => Aggregate(r, dimensions));

    private static JsonObject Aggregate(AggregateScores r, IReadOnlyList<Dimension> dimensions) => new()
    {
        ["group"] = r.Group,
        ["scenes"] = r.Scenes,
        ["verdicts"] = r.Verdicts,
        ["means"] = Scores(dimensions, r.Means),
        ["average"] = r.Average,
    };

    private static JsonObject Traits(Func<BigFiveTrait, double?> value) =>
        new(Enum.GetValues<BigFiveTrait>().Select(t => KeyValuePair.Create(t.ToString().ToLowerInvariant(), (JsonNode?)value(t))));
}
