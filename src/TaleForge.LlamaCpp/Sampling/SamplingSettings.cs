using Defaults = TaleForge.Inference.Backends.Sampling;

namespace TaleForge.LlamaCpp.Sampling;

/// <summary>How one request picks its tokens. Defaults are the engine's one set (<see cref="Defaults.Default"/>).</summary>
public sealed record SamplingSettings
{
    /// <summary>0 or less: always the most likely token (greedy).</summary>
    public float Temperature { get; init; } = Defaults.Default.Temperature;
    public int TopK { get; init; } = Defaults.Default.TopK;
    public float TopP { get; init; } = Defaults.Default.TopP;
    public float MinP { get; init; } = Defaults.Default.MinP;
    public float RepeatPenalty { get; init; } = Defaults.Default.RepeatPenalty;
    public int RepeatLastN { get; init; } = Defaults.Default.RepeatLastN;
    public float FrequencyPenalty { get; init; } = Defaults.Default.FrequencyPenalty;
    public float PresencePenalty { get; init; } = Defaults.Default.PresencePenalty;
    public uint Seed { get; init; }

    /// <summary>GBNF grammar (start rule <c>root</c>) that every output must match, or null.</summary>
    public string? Grammar { get; init; }

    /// <summary>Forbids end-of-generation tokens, so a run always produces its maximum token count (benchmarks).</summary>
    public bool SuppressEndOfGeneration { get; init; }
}
