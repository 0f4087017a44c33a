using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TaleForge.Benchmarks;
using TaleForge.CommandLine;
using TaleForge.LlamaCpp.Gguf;
using TaleForge.LlamaCpp.Loading;
using TaleForge.LlamaCpp.RandomModels;

namespace TaleForge.Benchmarks.Commands;

/// <summary>
/// <c>taleforge bench inference</c>: our llama.cpp binding against node-llama-cpp and a C program on the same model
/// file and libraries, and against LLamaSharp (its own libraries, in a child process) on the same model file. Without --model it writes a random <c>small</c> model into .taleforge/models.
/// </summary>
internal static class BenchInferenceCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo?>("--model", "-m") { Description = "GGUF model to measure (default: a random 'small' model written into the cache)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (machine-readable)." };
        var threads = new Option<int>("--threads", "-t") { Description = "Threads for every side.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount / 2) }.Within(1, Environment.ProcessorCount, " (the processors this machine has)");
        var tokens = new Option<int>("--tokens", "-n") { Description = "Tokens generated per run (end of generation suppressed).", DefaultValueFactory = _ => 64 }.Within(2, 4096);
        var runs = new Option<int>("--runs") { Description = "Rounds in which the four sides take turns (3 measured runs each per round, after a warm-up); medians are reported.", DefaultValueFactory = _ => 5 }.Within(1, 1000);
        var skip1b = new Option<bool>("--skip-1b") { Description = "Leave out batch4_vs_sequential_1b (four requests batched on a random '1b' Q8_0 model, 1.5 GB written into the cache once)." };
        var command = new Command("inference", "Compare local inference speed with node-llama-cpp, LLamaSharp and a C baseline on the same model.")
        {
            model, json, threads, tokens, runs, skip1b,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var output = result.InvocationConfiguration.Output;
            var log = result.InvocationConfiguration.Error;
            // A bad --model is reported before anything else is loaded or measured.
            var given = result.GetValue(model)?.FullName;
            if (given is not null)
            {
                GgufReader.Read(given);
            }
            NativeLibraryLoader.EnsureLoaded();
            var cacheRoot = LibraryDirectory.CacheRoot();
            var path = given ?? await DefaultModelAsync(cacheRoot, log, cancellation);
            var settings = new InferenceBenchmarkSettings
            {
                ModelPath = path,
                CacheRoot = cacheRoot,
                Threads = result.GetValue(threads),
                Tokens = result.GetValue(tokens),
                Runs = result.GetValue(runs),
                OneBModelPath = result.GetValue(skip1b) ? null : await OneBModelAsync(cacheRoot, log, cancellation),
            };
            var report = await InferenceBenchmark.RunAsync(settings, log, cancellation);
            if (result.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
            }
            else
            {
                await WriteTableAsync(output, report);
            }
            return 0;
        });
        return command;
    }

    private static async Task<string> DefaultModelAsync(string cacheRoot, TextWriter log, CancellationToken cancellation)
    {
        var path = Path.Combine(cacheRoot, "models", "random-small-f16-seed1.gguf");
        if (!File.Exists(path))
        {
            await log.WriteLineAsync($"writing a random 'small' model to {path} (once) ...");
            await Task.Run(() => RandomModelWriter.Write(path, ModelPreset.Small, seed: 1), cancellation);
        }
        return path;
    }

    private static async Task<string> OneBModelAsync(string cacheRoot, TextWriter log, CancellationToken cancellation)
    {
        var path = Path.Combine(cacheRoot, "models", "random-1b-q8_0-seed1.gguf");
        if (!File.Exists(path))
        {
            await log.WriteLineAsync($"writing a random '1b' model to {path} (once) ...");
            var partial = path + ".partial";
            await Task.Run(() => RandomModelWriter.Write(partial, ModelPreset.OneB, seed: 1), cancellation);
            File.Move(partial, path, overwrite: true);
        }
        return path;
    }

    private static async Task WriteTableAsync(TextWriter output, InferenceBenchmark report)
    {
        string F(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
        await output.WriteLineAsync($"model: {report.Settings.ModelPath}, {report.Settings.Threads} threads, {report.Settings.Tokens} tokens, {report.Settings.Runs} rounds of {report.Settings.RunsPerRound} runs (medians)");
        await output.WriteLineAsync($"single_vs_node        {F(report.SingleVsNode),8}  (goal >= 1.0)   ours {F(report.Ours.TokensPerSecond.Median)} tok/s, node {F(report.Node.TokensPerSecond?.Median)} tok/s {report.Node.Skipped}");
        await output.WriteLineAsync($"batch4_vs_sequential  {F(report.Batch4VsSequential),8}  (goal <= 0.5)   4 concurrent {F(report.Ours.ConcurrentMilliseconds.Median)} ms, one after another {F(report.Ours.SequentialMilliseconds.Median)} ms");
        await output.WriteLineAsync($"batch4_ceiling_c      {F(report.Batch4CeilingC),8}  (no goal)       C: a step of 4 tokens {F(report.C.Step4Milliseconds?.Median)} ms, 4 steps of 1 {F(4 * report.C.Step1Milliseconds?.Median)} ms: what batching saves in a decode step here");
        await output.WriteLineAsync($"batch4_vs_sequential_1b {F(report.Batch4VsSequential1b),6}  (goal <= 0.5)   4 concurrent {F(report.Ours1b?.ConcurrentMilliseconds.Median)} ms, one after another {F(report.Ours1b?.SequentialMilliseconds.Median)} ms");
        await output.WriteLineAsync($"prefix_ttft_speedup   {F(report.PrefixTtftSpeedup),8}  (goal >= 5)     cold {F(report.Ours.ColdTtftMilliseconds.Median)} ms, {report.Ours.PrefixCachedTokens} of {report.Ours.PrefixPromptTokens} tokens cached {F(report.Ours.WarmTtftMilliseconds.Median)} ms");
        await output.WriteLineAsync($"load_vs_node          {F(report.LoadVsNode),8}  (goal <= 1.2)   ours {F(report.Ours.LoadMilliseconds.Median)} ms, node {F(report.Node.LoadMilliseconds?.Median)} ms");
        await output.WriteLineAsync($"single_vs_c           {F(report.SingleVsC),8}  (goal >= 0.95)  C {F(report.C.TokensPerSecond?.Median)} tok/s {report.C.Skipped}");
        await output.WriteLineAsync($"single_vs_llamasharp  {F(report.SingleVsLlamaSharp),8}  (goal >= 1.0)   LLamaSharp {F(report.LlamaSharp.TokensPerSecond?.Median)} tok/s {report.LlamaSharp.Skipped}");
        await output.WriteLineAsync($"load_vs_llamasharp    {F(report.LoadVsLlamaSharp),8}  (goal <= 1.2)   LLamaSharp {F(report.LlamaSharp.LoadMilliseconds?.Median)} ms");
    }
}
