using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using TaleForge.Benchmarks;
using TaleForge.CommandLine;
using TaleForge.Content.Library;
using TaleForge.Core;

namespace TaleForge.Benchmarks.Commands;

/// <summary><c>taleforge bench content</c>: load + lint time of the largest sample world and of a large generated one.</summary>
internal static class BenchContentCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the measurements as JSON." };
        var runs = new Option<int>("--runs") { Description = "Timed runs per case (after warm-up); the median is reported.", DefaultValueFactory = _ => 15 }.Within(1, 1000);
        var warmups = new Option<int>("--warmups") { Description = "Untimed runs before timing.", DefaultValueFactory = _ => 10 }.Within(0, 1000);
        var dir = WorldsDirectoryOption.Create();
        var command = new Command("content", "Time loading and linting worlds: the largest sample world (goal 50 ms) and a generated world of 200 characters and 500 locations (goal 500 ms), each against a bare YamlDotNet parse of the same files.")
        {
            json,
            runs,
            warmups,
            dir,
        };
        command.SetAction(async (parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var cases = ContentBenchmark.Run(WorldLibrary.Locate(parse.GetValue(dir)), parse.GetValue(runs), parse.GetValue(warmups));
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Json.Write(ToJson(cases, parse.GetValue(runs), parse.GetValue(warmups))));
            }
            else
            {
                await output.WriteLineAsync($"content load + lint: median of {parse.GetValue(runs)} runs after {parse.GetValue(warmups)} warm-up runs, {Environment.ProcessorCount} processors");
                foreach (var c in cases)
                {
                    await output.WriteLineAsync(
                        $"  {c.Name} ({c.World}: {c.Files} files, {c.Bytes / 1024.0:0.0} KiB, {c.Locations} locations, {c.Characters} characters): "
                        + $"{Ms(c.Load.MedianMs)} (goal {Ms(c.GoalMs)}, {(c.MeetsGoal ? "met" : "MISSED")}; first run {Ms(c.Load.FirstMs)}); "
                        + $"bare YamlDotNet parse {Ms(c.Baseline.MedianMs)}; ratio {c.Ratio:0.0}x");
                }
            }
            return 0;
        });
        return command;
    }

    private static string Ms(double ms) => $"{ms.ToString("0.0", CultureInfo.InvariantCulture)} ms";

    private static JsonObject ToJson(IReadOnlyList<ContentCase> cases, int runs, int warmups) => new()
    {
        ["benchmark"] = "content",
        ["unit"] = "ms",
        ["runs"] = runs,
        ["warmups"] = warmups,
        ["machine"] = new JsonObject
        {
            ["processors"] = Environment.ProcessorCount,
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
        },
        ["baseline"] = "YamlDotNet YamlStream.Load of the same files (read + parse, no checks)",
        ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["world"] = c.World,
            ["files"] = c.Files,
            ["bytes"] = c.Bytes,
            ["locations"] = c.Locations,
            ["characters"] = c.Characters,
            ["problems"] = c.Problems,
            ["median_ms"] = Round(c.Load.MedianMs),
            ["first_run_ms"] = Round(c.Load.FirstMs),
            ["min_ms"] = Round(c.Load.MinMs),
            ["max_ms"] = Round(c.Load.MaxMs),
            ["baseline_median_ms"] = Round(c.Baseline.MedianMs),
            ["ratio"] = Round(c.Ratio),
            ["goal_ms"] = c.GoalMs,
            ["meets_goal"] = c.MeetsGoal,
        })]),
    };

    private static double Round(double value) => Math.Round(value, 3);
}
