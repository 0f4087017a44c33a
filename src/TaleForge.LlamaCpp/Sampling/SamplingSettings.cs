namespace TaleForge.LlamaCpp.Sampling;

/// <summary>How one request picks its tokens. Defaults follow llama.cpp's command line.</summary>
public sealed record SamplingSettings
{
    /// <summary>0 or less: always the most likely token (greedy).</summary>
    public float Temperature { get; init; } = 0.8f;
    public int TopK { get; init; } = 40;
    public float TopP { get; init; } = 0.95f;
    public float MinP { get; init; } = 0.05f;
    public float RepeatPenalty { get; init; } = 1.0f;
    public int RepeatLastN { get; init; } = 64;
    public float FrequencyPenalty { get; init; }
    public float PresencePenalty { get; init; }
    public uint Seed { get; init; }

    /// <summary>GBNF grammar (start rule <c>root</c>) that every output must match, or null.</summary>
    public string? Grammar { get; init; }

    /// <summary>Forbids end-of-generation tokens, so a run always produces its maximum token count (benchmarks).</summary>
    public bool SuppressEndOfGeneration { get; init; }
}
