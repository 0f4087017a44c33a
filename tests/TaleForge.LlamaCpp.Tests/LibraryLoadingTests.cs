using TaleForge.LlamaCpp.Loading;

namespace TaleForge.LlamaCpp.Tests;

[NeedsNativeLibrary]
public class LibraryLoadingTests
{
    [Fact]
    public void The_libraries_are_found_without_ld_library_path_and_report_the_expected_version()
    {
        _ = TestModels.Tiny;
        var info = NativeLibraryLoader.EnsureLoaded();
        Assert.StartsWith("0.5.0", info.Version, StringComparison.Ordinal);
        Assert.Null(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH")?.Split(':').FirstOrDefault(p => p.Contains(".taleforge", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(info.LibraryDirectory, "libggml-base.so")));
        Assert.Contains(info.Devices, d => d.StartsWith("CPU", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_skipped_backend_comes_with_the_reason_it_was_skipped()
    {
        var info = NativeLibraryLoader.EnsureLoaded();
        if (!info.GpuAvailable)
        {
            Assert.Contains(info.SkippedBackends, reason => reason.StartsWith("CUDA", StringComparison.Ordinal) && reason.Contains(':', StringComparison.Ordinal));
        }
    }
}
