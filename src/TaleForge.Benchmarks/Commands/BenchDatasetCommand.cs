using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using TaleForge.Benchmarks;
using TaleForge.CommandLine;
using TaleForge.Core;
using TaleForge.LlamaCpp.Gguf;
using TaleForge.LlamaCpp.Loading;

namespace TaleForge.Benchmarks.Commands;

/// <summary>
/// <c>taleforge bench dataset</c>: a small CharacterBox dataset through <c>taleforge serve</c>, K episodes at once
/// against one request at a time. Without --model it serves a random <c>small</c> model written into .taleforge/models.
/// </summary>
internal static class BenchDatasetCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "GGUF to serve (default: a random 'small' model written into .taleforge/models)." };
        var parallel = new Option<int>("--parallel", "-k") { Description = "K: episodes at once in the parallel run, and requests serve decodes together.", DefaultValueFactory = _ => 4 }.Within(2, 64);
        var episodes = new Option<int>("--episodes") { Description = "Episodes per scene (seeds 1 to N); the default plays the four scenes once, one wave of K = 4.", DefaultValueFactory = _ => 1 }.Within(1, 100);
        var scenes = new Option<string>("--scenes") { Description = "all: the four scenes of the two works; first: the first scene of each (a quick run).", DefaultValueFactory = _ => "all" };
        scenes.AcceptOnlyFromAmong("all", "first");
        var rounds = new Option<int>("--rounds") { Description = "Rounds per scene.", DefaultValueFactory = _ => 1 }.Within(1, 10);
        var threads = new Option<int?>("--threads", "-t") { Description = "CPU threads for serve (default: serve's own)." }.Within(1, Environment.ProcessorCount, " (the processors this machine has)");
        var json = new Option<bool>("--json") { Description = "Print one JSON object (machine-readable)." };
        var command = new Command("dataset", "Play the same two CharacterBox works (English and Chinese, two scenes each) through `taleforge serve` with K episodes at once, and one request at a time as CharacterBox does: dataset_parallel_vs_sequential, the ratio of their wall times (goal <= 0.33 with the 'small' model).")
        {
            model, parallel, episodes, scenes, rounds, threads, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var log = parse.InvocationConfiguration.Error;
            // A bad --model is reported before anything is started.
            var given = parse.GetValue(model) is { } file ? Path.GetFullPath(file) : null;
            if (given is not null)
            {
                if (!File.Exists(given))
                {
                    throw new TaleForgeException($"--model '{given}' does not exist; write one with `taleforge model random --preset small --out FILE`.");
                }
                GgufReader.Read(given);
            }
            var settings = new DatasetBenchmarkSettings
            {
                ModelPath = given ?? EngineBenchmark.SmallModel(Path.Combine(LibraryDirectory.CacheRoot(), "models")),
                Parallel = parse.GetValue(parallel),
                EpisodesPerScene = parse.GetValue(episodes),
                AllScenes = parse.GetValue(scenes) == "all",
                Rounds = parse.GetValue(rounds),
                Threads = parse.GetValue(threads),
            };
            var result = await DatasetBenchmark.RunAsync(settings, log, cancellation);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(Json.Write(result));
                return 0;
            }
            await WriteSummaryAsync(output, result);
            return 0;
        });
        return command;
    }

    private static async Task WriteSummaryAsync(TextWriter output, JsonObject result)
    {
        string Run(string key)
        {
            var run = result[key]!;
            return string.Create(CultureInfo.InvariantCulture,
                $"{(double)run["wall_s"]!:0.0} s, {(int)run["episodes_finished"]!} of {(int)run["episodes"]!} episodes finished, {(int)run["model_calls"]!} model calls, {(long)run["completion_tokens"]!} tokens generated");
        }
        var ratio = (double)result["dataset_parallel_vs_sequential"]!;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"dataset on {(string)result["model"]!}, {(int)result["dataset"]!["episodes"]!} episodes, K = {(int)result["parallel"]!}, {Environment.ProcessorCount} processors"));
        await output.WriteLineAsync($"  {(int)result["parallel"]!} episodes at once: {Run("parallel_run")}");
        await output.WriteLineAsync($"  one request at a time: {Run("sequential_run")}");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  dataset_parallel_vs_sequential {ratio:0.###} (goal <= {DatasetBenchmark.Goal}, {((bool)result["meets_goal"]! ? "met" : "MISSED")})"));
    }
}
