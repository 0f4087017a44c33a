using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using TaleForge.Core;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Benchmarks;

/// <summary>What <c>bench dataset</c> plays and on what.</summary>
internal sealed record DatasetBenchmarkSettings
{
    public required string ModelPath { get; init; }

    /// <summary>K: episodes at once in the parallel run, and the requests serve decodes together.</summary>
    public int Parallel { get; init; } = 4;

    public int EpisodesPerScene { get; init; } = 1;

    /// <summary>Every scene of both works, or the first scene of each (a quick run).</summary>
    public bool AllScenes { get; init; } = true;

    public int Rounds { get; init; } = 1;

    /// <summary>serve's CPU threads; null: serve's own default.</summary>
    public int? Threads { get; init; }

    public int Episodes => BenchDataset.Works * (AllScenes ? BenchDataset.ScenesPerWork : 1) * EpisodesPerScene;
}

/// <summary>
/// A dataset run as a researcher does it, twice on the same model: <c>taleforge serve</c> decoding K requests
/// together with <c>taleforge simulate --parallel K</c>, against serve and simulate one request at a time, as
/// CharacterBox's own code asks its model. Each run has a fresh server (no prompt cached from the other run), the same
/// seeds and the same per-request context, and is timed from simulate's start to its exit.
/// </summary>
internal static class DatasetBenchmark
{
    public const double Goal = 0.33;

    /// <summary>The context of one request, on both runs, so both send the same prompts; serve holds K of them.</summary>
    private const int RequestContext = 4096;

    public static async Task<JsonObject> RunAsync(DatasetBenchmarkSettings settings, TextWriter progress, CancellationToken cancellation)
    {
        var program = TaleForgeProgram.Locate();
        var folder = Directory.CreateTempSubdirectory("taleforge-bench-dataset-").FullName;
        try
        {
            var sources = BenchDataset.Write(folder, settings.AllScenes);
            var parallel = await RunAsync(program, settings, sources, settings.Parallel, Path.Combine(folder, "parallel"), progress, cancellation);
            var sequential = await RunAsync(program, settings, sources, 1, Path.Combine(folder, "sequential"), progress, cancellation);
            var ratio = parallel.Wall / sequential.Wall;
            return new JsonObject
            {
                ["benchmark"] = "dataset",
                ["dataset_parallel_vs_sequential"] = Math.Round(ratio, 3),
                ["goals"] = new JsonObject { ["dataset_parallel_vs_sequential"] = $"<= {Goal.ToString(CultureInfo.InvariantCulture)}" },
                ["meets_goal"] = ratio <= Goal,
                ["model"] = Path.GetFileName(settings.ModelPath),
                ["parallel"] = settings.Parallel,
                ["dataset"] = new JsonObject
                {
                    ["works"] = BenchDataset.Works,
                    ["scenes"] = BenchDataset.Works * (settings.AllScenes ? BenchDataset.ScenesPerWork : 1),
                    ["episodes_per_scene"] = settings.EpisodesPerScene,
                    ["episodes"] = settings.Episodes,
                    ["rounds"] = settings.Rounds,
                    ["request_context_tokens"] = RequestContext,
                },
                ["machine"] = new JsonObject
                {
                    ["processors"] = Environment.ProcessorCount,
                    ["os"] = RuntimeInformation.OSDescription,
                    ["runtime"] = RuntimeInformation.FrameworkDescription,
                },
                ["parallel_run"] = parallel.ToJson(),
                ["sequential_run"] = sequential.ToJson(),
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<DatasetRun> RunAsync(
        TaleForgeProgram program, DatasetBenchmarkSettings settings, IReadOnlyList<string> sources, int parallel, string output, TextWriter progress,
        CancellationToken cancellation)
    {
        var k = parallel.ToString(CultureInfo.InvariantCulture);
        List<string> serve = ["--model", settings.ModelPath, "--port", "0", "--parallel", k, "--ctx-size", (parallel * RequestContext).ToString(CultureInfo.InvariantCulture)];
        if (settings.Threads is { } threads)
        {
            serve.AddRange(["--threads", threads.ToString(CultureInfo.InvariantCulture)]);
        }
        await using var served = await ServedModel.StartAsync(program, serve, cancellation);
        List<string> simulate =
        [
            "simulate", .. sources, "--all-scenes",
            "--episodes", settings.EpisodesPerScene.ToString(CultureInfo.InvariantCulture),
            "--rounds", settings.Rounds.ToString(CultureInfo.InvariantCulture),
            "--seed", "1",
            "--parallel", k,
            "--endpoint", served.Endpoint.AbsoluteUri,
            "--api-model", Path.GetFileName(settings.ModelPath),
            "--max-concurrency", k,
            "--api-ctx-size", RequestContext.ToString(CultureInfo.InvariantCulture),
            "--out", output,
        ];
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(parallel == 1 ? "one request at a time" : $"{parallel} episodes at once")}: {settings.Episodes} episodes on {Path.GetFileName(settings.ModelPath)} at {served.Endpoint} ..."));
        var load = LoadAverage();
        var cpu = ChildProcessorSeconds();
        var clock = Stopwatch.StartNew();
        var (ok, _, error) = await ExternalProcess.RunAsync(program.Host, program.Arguments(simulate), null, cancellation);
        var wall = clock.Elapsed;
        var simulateCpu = ChildProcessorSeconds() - cpu;
        // How much of the prompts serve found in its prefix cache: the two runs differ in how requests share it.
        var servedTotals = await served.ServedAsync(cancellation);
        if (!ok)
        {
            throw new TaleForgeException($"taleforge simulate failed in the {(parallel == 1 ? "sequential" : "parallel")} run: {error.Trim()}");
        }
        var entries = RunManifest.Read(output);
        var calls = entries.Where(e => e.Status == EpisodeStatus.Finished).SelectMany(e => TrajectoryFile.Read(Path.Combine(output, e.Trajectory)).Calls).ToList();
        return new DatasetRun(parallel, wall, entries, calls.Sum(c => (long)c.PromptTokens), calls.Sum(c => (long)c.CompletionTokens), simulateCpu, load, LoadAverage(), servedTotals);
    }

    /// <summary>
    /// CPU seconds of this process's finished children (Linux: cutime + cstime of /proc/self/stat, in 1/100 s), so the
    /// difference across a simulate run is that process's own work: prompts, HTTP, parsing, writing. serve is still
    /// running then, so none of the model's time is in it.
    /// </summary>
    private static double? ChildProcessorSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The 1-minute load average, where the OS reports one: the measurements' context on a shared machine.</summary>
    private static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>One simulate run against its own server.</summary>
    private sealed record DatasetRun(
        int Parallel, TimeSpan Wall, IReadOnlyList<ManifestEntry> Entries, long PromptTokens, long CompletionTokens, double? SimulateCpu, double? LoadBefore, double? LoadAfter,
        JsonObject? Served)
    {
        public JsonObject ToJson() => new()
        {
            ["wall_s"] = Math.Round(Wall.TotalSeconds, 2),
            ["episodes"] = Entries.Count,
            ["episodes_finished"] = Entries.Count(e => e.Status == EpisodeStatus.Finished),
            ["model_calls"] = Entries.Sum(e => e.ModelCalls),
            ["failed_calls"] = Entries.Sum(e => e.FailedCalls),
            ["prompt_tokens"] = PromptTokens,
            ["completion_tokens"] = CompletionTokens,
            ["completion_tokens_per_s"] = Math.Round(CompletionTokens / Wall.TotalSeconds, 1),
            // What overlapping the client's own work with the model could save at most.
            ["simulate_cpu_s"] = SimulateCpu is { } cpu ? Math.Round(cpu, 2) : null,
            ["serve_parallel"] = Parallel,
            ["simulate_parallel"] = Parallel,
            ["max_concurrency"] = Parallel,
            ["load_average_before"] = LoadBefore,
            ["load_average_after"] = LoadAfter,
            ["served"] = Served,
        };
    }
}
