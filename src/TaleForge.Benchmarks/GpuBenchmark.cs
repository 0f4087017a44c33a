using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Loading;

namespace TaleForge.Benchmarks;

/// <summary>
/// What a GPU gives: the backend chosen (and why the others were skipped), load time with every layer offloaded,
/// single-stream and 4- and 16-concurrent generation speed, the time to first token with a cached prompt prefix,
/// and single-stream speed as a share of the memory-bandwidth limit (each token reads every weight once).
/// </summary>
internal static class GpuBenchmark
{
    private const int GeneratedTokens = 128;

    public static async Task<JsonObject> RunAsync(string modelPath, int gpuLayers, double bandwidthGbs, TextWriter progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var client = await LlamaChatClient.LoadAsync(modelPath,
            new LlamaChatClientOptions { ContextSize = 16 * 1024, MaxSequences = 16, GpuLayers = gpuLayers }, null, cancellation);
        var load = clock.Elapsed;
        var runtime = NativeLibraryLoader.Current;
        await progress.WriteLineAsync($"Loaded in {load.TotalSeconds:F1} s on {runtime?.Backend ?? "CPU"}; generating...");

        var single = await AggregateTokensPerSecondAsync(client, 1, cancellation);
        var four = await AggregateTokensPerSecondAsync(client, 4, cancellation);
        var sixteen = await AggregateTokensPerSecondAsync(client, 16, cancellation);
        var ttft = await CachedPrefixFirstTokenAsync(client, cancellation);
        var bytesPerToken = new FileInfo(modelPath).Length;
        double? limit = bandwidthGbs > 0 ? bandwidthGbs * 1e9 / bytesPerToken : null;
        return new JsonObject
        {
            ["model"] = Path.GetFileName(modelPath),
            ["backend"] = runtime?.Backend ?? "CPU",
            ["backend_devices"] = new JsonArray([.. (runtime?.Devices ?? []).Select(d => (JsonNode)d)]),
            ["backends_skipped"] = new JsonArray([.. (runtime?.SkippedBackends ?? []).Select(d => (JsonNode)d)]),
            ["n_gpu_layers"] = gpuLayers,
            ["load_s"] = Math.Round(load.TotalSeconds, 2),
            ["single_stream_tok_s"] = Math.Round(single, 1),
            ["concurrent_4_tok_s"] = Math.Round(four, 1),
            ["concurrent_16_tok_s"] = Math.Round(sixteen, 1),
            ["cached_prefix_ttft_ms"] = Math.Round(ttft.TotalMilliseconds, 1),
            ["bytes_per_token"] = bytesPerToken,
            ["bandwidth_gbs"] = bandwidthGbs > 0 ? bandwidthGbs : null,
            ["bandwidth_limit_tok_s"] = limit is { } l ? Math.Round(l, 1) : null,
            ["single_stream_vs_bandwidth_limit"] = limit is { } max ? Math.Round(single / max, 3) : null,
        };
    }

    /// <summary>Tokens per second over <paramref name="streams"/> requests decoding together, each a fixed length.</summary>
    private static async Task<double> AggregateTokensPerSecondAsync(LlamaChatClient client, int streams, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var replies = await Task.WhenAll(Enumerable.Range(0, streams).Select(i =>
        {
            var options = new ChatOptions { Seed = i + 1, MaxOutputTokens = GeneratedTokens, Temperature = 0.8f }.WithIgnoreEndOfGeneration();
            return client.GetResponseAsync([new ChatMessage(ChatRole.User, $"Tell story number {i}.")], options, cancellation);
        }));
        return replies.Sum(r => r.Usage?.OutputTokenCount ?? 0) / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A long shared prompt asked once, then again with another question: the time to the second's first piece.</summary>
    private static async Task<TimeSpan> CachedPrefixFirstTokenAsync(LlamaChatClient client, CancellationToken cancellation)
    {
        var prefix = string.Join(' ', Enumerable.Repeat("The lighthouse keeper logs the weather, the ships and the lamp oil.", 150));
        var options = new ChatOptions { Seed = 1, MaxOutputTokens = 8 };
        await client.GetResponseAsync([new ChatMessage(ChatRole.System, prefix), new ChatMessage(ChatRole.User, "First question.")], options, cancellation);
        var clock = Stopwatch.StartNew();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.System, prefix), new ChatMessage(ChatRole.User, "Second question.")], options, cancellation))
        {
            if (update.Text.Length > 0)
            {
                return clock.Elapsed;
            }
        }
        return clock.Elapsed;
    }
}
