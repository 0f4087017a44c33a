using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using TaleForge.Benchmarks;
using TaleForge.CommandLine;
using TaleForge.Core;

namespace TaleForge.Benchmarks.Commands;

/// <summary><c>taleforge bench trajectory</c>: append throughput and load-and-index time of a long trajectory.</summary>
internal static class BenchTrajectoryCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the measurements as JSON." };
        var events = new Option<int>("--events") { Description = "Events in the trajectory.", DefaultValueFactory = _ => 100_000 }.Within(1, 100_000_000);
        var runs = new Option<int>("--runs") { Description = "Timed loads (after warm-up); the median is reported.", DefaultValueFactory = _ => 5 }.Within(1, 1000);
        var warmups = new Option<int>("--warmups") { Description = "Untimed loads before timing.", DefaultValueFactory = _ => 1 }.Within(0, 1000);
        var command = new Command("trajectory", "Write a trajectory of 100,000 events through the real writer (lines/s, against bare StreamWriter appends of the same lines), then load and index it (goal 1 s, against a bare JSON parse of every line).")
        {
            json,
            events,
            runs,
            warmups,
        };
        command.SetAction(async (parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var result = TrajectoryBenchmark.Run(parse.GetValue(events), parse.GetValue(runs), parse.GetValue(warmups));
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Json.Write(ToJson(result)));
                return 0;
            }
            await output.WriteLineAsync($"trajectory of {result.Events:N0} events, {result.Bytes / 1048576.0:0.0} MiB, {Environment.ProcessorCount} processors");
            await output.WriteLineAsync($"  append: {result.LinesPerSecond:N0} lines/s ({Ms(result.WriteMs)}); bare StreamWriter {result.BaselineLinesPerSecond:N0} lines/s ({Ms(result.BaselineWriteMs)})");
            await output.WriteLineAsync(
                $"  load + index: {Ms(result.Load.MedianMs)} median of {result.Load.Runs} (goal {Ms(result.GoalMs)}, {(result.MeetsGoal ? "met" : "MISSED")}; first {Ms(result.Load.FirstMs)}); "
                + $"bare JSON parse {Ms(result.BaselineLoad.MedianMs)}; ratio {result.Load.MedianMs / result.BaselineLoad.MedianMs:0.0}x");
            return 0;
        });
        return command;
    }

    private static string Ms(double ms) => $"{ms.ToString("0.0", CultureInfo.InvariantCulture)} ms";

    private static JsonObject ToJson(TrajectoryMeasurements m) => new()
    {
        ["benchmark"] = "trajectory",
        ["events"] = m.Events,
        ["bytes"] = m.Bytes,
        // The two headline figures; the sections below give their spread and baselines.
        ["load_index_ms"] = Round(m.Load.MedianMs),
        ["append_events_per_s"] = Math.Round(m.LinesPerSecond),
        ["machine"] = new JsonObject
        {
            ["processors"] = Environment.ProcessorCount,
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
        },
        ["append"] = new JsonObject
        {
            ["lines_per_s"] = Math.Round(m.LinesPerSecond),
            ["ms"] = Round(m.WriteMs),
            ["baseline"] = "StreamWriter.WriteLine + Flush of the same lines",
            ["baseline_lines_per_s"] = Math.Round(m.BaselineLinesPerSecond),
            ["baseline_ms"] = Round(m.BaselineWriteMs),
            ["ratio"] = Round(m.WriteMs / m.BaselineWriteMs),
        },
        ["load"] = new JsonObject
        {
            ["unit"] = "ms",
            ["runs"] = m.Load.Runs,
            ["median_ms"] = Round(m.Load.MedianMs),
            ["first_run_ms"] = Round(m.Load.FirstMs),
            ["min_ms"] = Round(m.Load.MinMs),
            ["max_ms"] = Round(m.Load.MaxMs),
            ["baseline"] = "JsonDocument.Parse of every line (syntax only, nothing kept)",
            ["baseline_median_ms"] = Round(m.BaselineLoad.MedianMs),
            ["ratio"] = Round(m.Load.MedianMs / m.BaselineLoad.MedianMs),
            ["goal_ms"] = m.GoalMs,
            ["meets_goal"] = m.MeetsGoal,
        },
    };

    private static double Round(double value) => Math.Round(value, 3);
}
