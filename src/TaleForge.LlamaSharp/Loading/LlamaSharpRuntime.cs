using System.Reflection;
using LLama.Native;
using Microsoft.Extensions.Logging;

namespace TaleForge.LlamaSharp.Loading;

/// <summary>
/// LLamaSharp's native libraries, configured once per process before its first call: its own loader picks the
/// build (CUDA where a CUDA backend package is installed and a GPU answers, else the best CPU build) from the
/// application's runtimes folder. Our llama.cpp loader never runs in the same process: both ship libggml-base.so,
/// and the second to load would get the first one's.
/// </summary>
public static class LlamaSharpRuntime
{
    private static readonly Lock _gate = new();
    private static bool _configured;

    /// <summary>Routes llama.cpp's log to <paramref name="logger"/> (warnings and errors; nothing without one).</summary>
    public static void Configure(ILogger? logger)
    {
        lock (_gate)
        {
            if (_configured)
            {
                return;
            }
            _configured = true;
            NativeLibraryConfig.All.WithLogCallback((level, message) =>
            {
                if (logger is null)
                {
                    return;
                }
                switch (level)
                {
                    case LLamaLogLevel.Error:
                        logger.LogError("{Message}", message.TrimEnd());
                        break;
                    case LLamaLogLevel.Warning:
                        logger.LogWarning("{Message}", message.TrimEnd());
                        break;
                }
            });
        }
    }

    /// <summary>Whether the build loaded runs on a GPU (CUDA or Vulkan), once a model has been loaded.</summary>
    public static bool GpuBuild => NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama)?.Metadata is { } metadata && (metadata.UseCuda || metadata.UseVulkan);

    /// <summary>The build loaded ("CUDA", "CPU Avx2"), once a model has been loaded.</summary>
    public static string Describe()
    {
        var loaded = NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama);
        if (loaded?.Metadata is not { } metadata)
        {
            return "CPU";
        }
        return metadata.UseCuda ? "CUDA" : metadata.UseVulkan ? "Vulkan" : $"CPU {metadata.AvxLevel}";
    }

    /// <summary>The backend as a trajectory header names it: "LLamaSharp 0.30.0 CPU Avx2".</summary>
    public static string Name => $"LLamaSharp {Version} {Describe()}";

    /// <summary>The LLamaSharp release built against (Directory.Packages.props; its own assembly carries no version).</summary>
    public static string Version { get; } =
        typeof(LlamaSharpRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "LLamaSharpVersion")?.Value ?? "?";
}
