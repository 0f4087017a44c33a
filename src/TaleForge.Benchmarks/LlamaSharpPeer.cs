using System.Diagnostics;
using System.Text.Json;
using LLama;
using LLama.Common;
using Microsoft.Extensions.AI;
using TaleForge.CommandLine;
using TaleForge.LlamaCpp.Batching;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Gguf;
using TaleForge.LlamaCpp.Sampling;
using TaleForge.LlamaSharp.Chat;
using TaleForge.LlamaSharp.Loading;

namespace TaleForge.Benchmarks;

/// <summary>
/// LLamaSharp as a peer, through our adapter (TaleForge.LlamaSharp: the same sampler chain, prompt and token count):
/// measured in a child process of this program (<c>taleforge-bench llamasharp-peer</c>), since its native libraries
/// and ours cannot share one process. The child loads nothing of ours.
/// </summary>
public static class LlamaSharpPeer
{
    public const string CommandName = "llamasharp-peer";

    /// <summary>Runs the child on the settings' model and reads back what it measured.</summary>
    public static async Task<PeerResult> MeasureAsync(InferenceBenchmarkSettings settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var program = Path.Combine(AppContext.BaseDirectory, "taleforge-bench.dll");
        if (!File.Exists(program))
        {
            return PeerResult.Unavailable($"{program} is missing");
        }
        var config = JsonSerializer.Serialize(settings);
        var (ok, output, error) = await ExternalProcess.RunAsync(SiblingProgram.DotnetHost(), [program, CommandName, config], null, cancellation);
        if (!ok)
        {
            return PeerResult.Unavailable($"LLamaSharp failed: {error.Trim().Split('\n').LastOrDefault()}");
        }
        try
        {
            return Parse(output);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return PeerResult.Unavailable($"LLamaSharp printed no result ({e.Message})");
        }
    }

    /// <summary>
    /// The child's side: load times, then generation speed of the single conversation with the same sampling and
    /// token count as ours (end of generation suppressed, prompt time excluded, a warm-up first); one JSON line out.
    /// </summary>
    public static async Task RunChildAsync(InferenceBenchmarkSettings settings, TextWriter output, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var options = new LlamaSharpOptions
        {
            Threads = settings.Threads,
            ContextSize = settings.ContextSize,
            BatchSize = settings.BatchSize,
            DefaultSampling = new SamplingSettings { Temperature = settings.Temperature, TopK = settings.TopK, TopP = settings.TopP, MinP = settings.MinP },
        };
        // Load as ours is timed: the GGUF checks and the model, no context.
        LlamaSharpRuntime.Configure(null);
        var loads = new List<double>();
        for (var run = 0; run <= settings.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            ModelFileCheck.Check(GgufReader.Read(settings.ModelPath));
            using var weights = await LLamaWeights.LoadFromFileAsync(new ModelParams(settings.ModelPath), cancellation);
            if (run > 0)
            {
                loads.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        using var client = await LlamaSharpChatClient.LoadAsync(settings.ModelPath, options, cancellation: cancellation);
        var speeds = new List<double>();
        var promptTokens = 0;
        for (var run = 0; run <= settings.Runs; run++)
        {
            var request = new ChatOptions { MaxOutputTokens = settings.Tokens, Seed = settings.Seed }.WithIgnoreEndOfGeneration();
            var reply = await client.GetResponseAsync(OurMeasurements.SingleConversation, request, cancellation);
            var stats = (GenerationStats)reply.AdditionalProperties!["llama.stats"]!;
            if (run > 0)
            {
                speeds.Add(stats.TokensPerSecond);
            }
            promptTokens = stats.PromptTokens;
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(new { loadMilliseconds = loads, tokensPerSecond = speeds, promptTokens }));
    }

    private static PeerResult Parse(string json)
    {
        using var document = JsonDocument.Parse(json.Trim().Split('\n')[^1]);
        var root = document.RootElement;
        Samples Read(string name) => new(root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray());
        return new PeerResult(Read("loadMilliseconds"), Read("tokensPerSecond"), root.GetProperty("promptTokens").GetInt32(), null);
    }

}
