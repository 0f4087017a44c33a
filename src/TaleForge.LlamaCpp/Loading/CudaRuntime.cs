using System.Runtime.InteropServices;

namespace TaleForge.LlamaCpp.Loading;

/// <summary>
/// Opens the CUDA runtime libraries a CUDA build of ggml needs (cudart, cuBLAS) by full path from the usual
/// toolkit folders, so they need not be on LD_LIBRARY_PATH: once loaded, the backend's own dependency resolves.
/// </summary>
internal static class CudaRuntime
{
    public static bool TryPreload(int major, out string reason)
    {
        foreach (var library in new[] { $"libcudart.so.{major}", $"libcublasLt.so.{major}", $"libcublas.so.{major}" })
        {
            if (!Candidates(library).Any(path => NativeLibrary.TryLoad(path, out _)))
            {
                reason = $"{library} not found (install the CUDA {major} runtime, or set CUDA_PATH)";
                return false;
            }
        }
        reason = "";
        return true;
    }

    private static IEnumerable<string> Candidates(string library)
    {
        yield return library;
        foreach (var root in new[] { Environment.GetEnvironmentVariable("CUDA_PATH"), "/usr/local/cuda" })
        {
            if (!string.IsNullOrEmpty(root))
            {
                yield return Path.Combine(root, "lib64", library);
                yield return Path.Combine(root, "targets", "x86_64-linux", "lib", library);
            }
        }
        if (Directory.Exists("/usr/local"))
        {
            foreach (var toolkit in Directory.EnumerateDirectories("/usr/local", "cuda-*").Order(StringComparer.Ordinal))
            {
                yield return Path.Combine(toolkit, "lib64", library);
            }
        }
        yield return Path.Combine("/usr/lib/x86_64-linux-gnu", library);
    }
}
