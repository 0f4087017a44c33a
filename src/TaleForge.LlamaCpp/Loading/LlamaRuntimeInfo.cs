namespace TaleForge.LlamaCpp.Loading;

/// <summary>What was loaded: the llama.cpp version, the folder, the backends registered and why others were skipped.</summary>
public sealed record LlamaRuntimeInfo(
    string Version,
    string LibraryDirectory,
    string Backend,
    string CpuVariant,
    IReadOnlyList<string> Devices,
    IReadOnlyList<string> SkippedBackends)
{
    /// <summary>True when a GPU backend is loaded and layers can be offloaded.</summary>
    public bool GpuAvailable => Backend.StartsWith("CUDA", StringComparison.Ordinal);
}
