using TaleForge.LlamaCpp.Sampling;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>One completion to run: prompt tokens, how to sample, and when to stop.</summary>
internal sealed record GenerationRequest(
    IReadOnlyList<int> Prompt,
    SamplingSettings Sampling,
    int MaxTokens,
    IReadOnlyList<string> StopSequences);
