using Microsoft.Extensions.Logging;
using TaleForge.LlamaCpp.Loading;

namespace TaleForge.LlamaCpp.Model;

/// <summary>How a model file is loaded (llama.cpp's option names in comments).</summary>
public sealed record LlamaModelOptions
{
    /// <summary>Layers to offload to the GPU (-ngl); 0 keeps everything on the CPU, -1 offloads all.</summary>
    public int GpuLayers { get; init; }

    /// <summary>Which build to load when this is the first model of the process.</summary>
    public BackendPreference Backend { get; init; } = BackendPreference.Auto;

    /// <summary>Where native and loader messages go.</summary>
    public ILogger? Logger { get; init; }
}
