using System.Text.Json.Serialization;

namespace TaleForge.Benchmarks;

/// <summary>What a peer (node-llama-cpp) or baseline (the C program) measured, or why it could not.</summary>
public sealed record PeerResult(
    [property: JsonPropertyName("load_ms")] Samples? LoadMilliseconds,
    [property: JsonPropertyName("single_tokens_per_second")] Samples? TokensPerSecond,
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("skipped")] string? Skipped)
{
    /// <summary>The C baseline's decode step of one token (one sequence), in milliseconds; null for other sides.</summary>
    [JsonPropertyName("step1_ms")]
    public Samples? Step1Milliseconds { get; init; }

    /// <summary>The C baseline's decode step of four tokens (four sequences, a KV stream each).</summary>
    [JsonPropertyName("step4_ms")]
    public Samples? Step4Milliseconds { get; init; }

    public static PeerResult Unavailable(string reason) => new(null, null, 0, reason);
}
