using TaleForge.Cli.Models;
using TaleForge.Testing;

namespace TaleForge.Cli.Tests;

/// <summary>
/// A cache stream per parallel request costs the context once per request; it is chosen only where the memory holds
/// it, so a context that fitted the one shared cache is never refused or swapped out for the faster layout.
/// </summary>
public sealed class CacheLayoutTests
{
    // The tiny model keeps 2 layers × 2 KV heads × (16 + 16) × 2 bytes = 256 bytes a token, beside under a megabyte of weights.
    private static readonly ModelSettings FourAtOnce = new() { ContextSize = 4096, Parallel = 4 };

    [Fact]
    public void A_stream_per_request_is_chosen_when_memory_holds_every_stream()
    {
        Assert.True(ContextFit.Check(TinyModels.SharedPath, FourAtOnce, availableMemory: 64L << 20));
    }

    [Fact]
    public void The_shared_cache_is_kept_when_memory_holds_one_context_but_not_one_per_request()
    {
        var path = TinyModels.SharedPath;
        var weights = new FileInfo(path).Length;
        var oneContext = weights + (256L * 4096) + 4096;

        Assert.False(ContextFit.Check(path, FourAtOnce, availableMemory: oneContext));
    }

    [Fact]
    public void A_model_on_the_gpu_keeps_the_shared_cache_whose_memory_is_known()
    {
        Assert.False(ContextFit.Check(TinyModels.SharedPath, FourAtOnce with { GpuLayers = 99 }, availableMemory: 64L << 20));
    }
}
