using TaleForge.Inference.Backends;

namespace TaleForge.Benchmarks;

/// <summary>What every side of the inference benchmark runs with, so the comparison is like for like.</summary>
public sealed record InferenceBenchmarkSettings
{
    public required string ModelPath { get; init; }
    public required string CacheRoot { get; init; }
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);
    public int ContextSize { get; init; } = 4096;
    public int BatchSize { get; init; } = 512;
    public int Sequences { get; init; } = 4;
    public int Tokens { get; init; } = 64;
    /// <summary>Rounds in which the sides take turns.</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Measured runs of each side within a round (after its warm-up).</summary>
    public int RunsPerRound { get; init; } = 3;
    public int PrefixTokens { get; init; } = 1500;

    /// <summary>A model of the <c>1b</c> shape on which four requests batched are timed again; null skips it.</summary>
    public string? OneBModelPath { get; init; }

    /// <summary>Rounds of that measurement: a 1b decode is slow on a CPU, so it gets fewer than <see cref="Runs"/>.</summary>
    public int OneBRuns { get; init; } = 3;
    public uint Seed { get; init; } = 42;

    // The sides are handed these as plain numbers (the C loop and node-llama-cpp know no Sampling), but they start
    // from what play samples with, so a benchmark measures the game's own settings.
    public float Temperature { get; init; } = Sampling.Default.Temperature;
    public int TopK { get; init; } = Sampling.Default.TopK;
    public float TopP { get; init; } = Sampling.Default.TopP;
    public float MinP { get; init; } = Sampling.Default.MinP;
}
