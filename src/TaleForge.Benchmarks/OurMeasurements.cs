using System.Diagnostics;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Batching;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Model;
using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.Benchmarks;

/// <summary>TaleForge's own numbers: load time, single-sequence speed, four requests batched, prefix-cache time to first token.</summary>
public sealed record OurMeasurements(
    [property: JsonPropertyName("load_ms")] Samples LoadMilliseconds,
    [property: JsonPropertyName("single_tokens_per_second")] Samples TokensPerSecond,
    [property: JsonPropertyName("batch4_concurrent_ms")] Samples ConcurrentMilliseconds,
    [property: JsonPropertyName("batch4_sequential_ms")] Samples SequentialMilliseconds,
    [property: JsonPropertyName("prefix_cold_ttft_ms")] Samples ColdTtftMilliseconds,
    [property: JsonPropertyName("prefix_warm_ttft_ms")] Samples WarmTtftMilliseconds,
    [property: JsonPropertyName("prefix_cached_tokens")] int PrefixCachedTokens,
    [property: JsonPropertyName("prefix_prompt_tokens")] int PrefixPromptTokens,
    [property: JsonPropertyName("single_prompt_tokens")] int SinglePromptTokens)
{
    private static readonly string[] _questions = ["Where is the ranger?", "What is for supper?", "Who owns the pony?", "Is the road safe?"];

    /// <summary>The conversation every side generates from; the peer and baseline get its rendered prompt text.</summary>
    public static ChatMessage[] SingleConversation { get; } =
        [new(ChatRole.System, "You are the innkeeper of the Prancing Pony in Bree."), new(ChatRole.User, "Tell me about the travellers tonight.")];

    /// <summary>Milliseconds from a path to a loaded model (format checks included).</summary>
    public static double MeasureLoad(string path, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var model = LlamaModel.Load(path, cancellation: cancellation);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Generation tokens per second of one fixed-length request (prompt time excluded).</summary>
    public static async Task<(double TokensPerSecond, int PromptTokens)> MeasureSingleAsync(LlamaChatClient client, InferenceBenchmarkSettings settings, CancellationToken cancellation)
    {
        var stats = Stats(await client.GetResponseAsync(SingleConversation, Options(settings, settings.Seed), cancellation));
        return (stats.TokensPerSecond, stats.PromptTokens);
    }

    /// <summary>Wall time of four requests one after another, then of the same four at once.</summary>
    public static async Task<(double Sequential, double Concurrent)> MeasureBatchAsync(LlamaChatClient client, InferenceBenchmarkSettings settings, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (question, i) in _questions.Select((q, i) => (q, i)))
        {
            await client.GetResponseAsync(Ask(question), Options(settings, settings.Seed + (uint)i), cancellation);
        }
        var sequential = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        await Task.WhenAll(_questions.Select((q, i) => client.GetResponseAsync(Ask(q), Options(settings, settings.Seed + (uint)i), cancellation)));
        return (sequential, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Time to first token of a prompt with a long shared history, without and with that history cached.</summary>
    public static async Task<(GenerationStats Cold, GenerationStats Warm)> MeasurePrefixAsync(LlamaModel model, string history, InferenceBenchmarkSettings settings, int round, CancellationToken cancellation)
    {
        var question = WithHistory(history, $"Question {round}: who came in?");
        using var uncached = CreateClient(model, settings, prefixCache: false);
        var cold = Stats(await uncached.GetResponseAsync(question, Options(settings, settings.Seed, 4), cancellation));
        using var cached = CreateClient(model, settings, prefixCache: true);
        await cached.GetResponseAsync(WithHistory(history, "Who left?"), Options(settings, settings.Seed, 4), cancellation);
        var warm = Stats(await cached.GetResponseAsync(question, Options(settings, settings.Seed, 4), cancellation));
        return (cold, warm);
    }

    public static LlamaChatClient CreateClient(LlamaModel model, InferenceBenchmarkSettings settings, bool prefixCache) => new(model, new LlamaChatClientOptions
    {
        Threads = settings.Threads,
        ContextSize = settings.ContextSize,
        BatchSize = settings.BatchSize,
        MaxSequences = settings.Sequences,
        PrefixCache = prefixCache,
        DefaultSampling = new SamplingSettings { Temperature = settings.Temperature, TopK = settings.TopK, TopP = settings.TopP, MinP = settings.MinP },
    });

    /// <summary>A system prompt of at least <paramref name="tokens"/> tokens: the stable part a game keeps in front.</summary>
    public static string LongHistory(LlamaModel model, int tokens)
    {
        var text = new System.Text.StringBuilder("The world so far. ");
        for (var i = 0; model.Tokenize(text.ToString()).Length < tokens; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"In round {i} the rain kept falling on Bree while travellers talked of the road east. ");
        }
        return text.ToString();
    }

    private static ChatOptions Options(InferenceBenchmarkSettings settings, uint seed, int? tokens = null) =>
        new ChatOptions { MaxOutputTokens = tokens ?? settings.Tokens, Seed = seed }.WithIgnoreEndOfGeneration();

    private static GenerationStats Stats(ChatResponse response) => (GenerationStats)response.AdditionalProperties!["llama.stats"]!;

    private static ChatMessage[] Ask(string question) => [new(ChatRole.System, "You are the innkeeper of the Prancing Pony in Bree."), new(ChatRole.User, question)];

    private static ChatMessage[] WithHistory(string history, string question) => [new(ChatRole.System, history), new(ChatRole.User, question)];
}
