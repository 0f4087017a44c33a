using TaleForge.Core;
using TaleForge.LlamaCpp.Gguf;

namespace TaleForge.LlamaCpp.RandomModels;

/// <summary>
/// The shape of a random-weight llama model. <c>tiny</c> serves tests, <c>small</c> CPU benchmarks, and
/// <c>1b</c>/<c>8b</c> copy Llama 3.2 1B and Llama 3.1 8B (vocabulary size included) for GPU throughput.
/// </summary>
public sealed record ModelPreset(
    string Name,
    int EmbeddingLength,
    int BlockCount,
    int HeadCount,
    int HeadCountKv,
    int FeedForwardLength,
    int ContextLength,
    int? VocabularySize,
    float RopeFreqBase,
    GgmlType DefaultType)
{
    public static ModelPreset Tiny { get; } = new("tiny", 64, 2, 4, 2, 128, 2048, null, 10000f, GgmlType.F32);
    public static ModelPreset Small { get; } = new("small", 512, 8, 8, 8, 1536, 4096, null, 10000f, GgmlType.F16);
    public static ModelPreset OneB { get; } = new("1b", 2048, 16, 32, 8, 8192, 8192, 128256, 500000f, GgmlType.Q8_0);
    public static ModelPreset EightB { get; } = new("8b", 4096, 32, 32, 8, 14336, 8192, 128256, 500000f, GgmlType.Q8_0);

    public static IReadOnlyList<ModelPreset> All { get; } = [Tiny, Small, OneB, EightB];

    public static ModelPreset Parse(string name) =>
        All.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new TaleForgeException($"Unknown model preset '{name}': use one of {string.Join(", ", All.Select(p => p.Name))}.");

    public static GgmlType ParseType(string name) => name.ToUpperInvariant() switch
    {
        "F32" => GgmlType.F32,
        "F16" => GgmlType.F16,
        "Q8_0" => GgmlType.Q8_0,
        _ => throw new TaleForgeException($"Unknown weight type '{name}': use f32, f16 or q8_0."),
    };
}
