namespace TaleForge.LlamaCpp.Loading;

/// <summary>
/// Finds the folder that tools/install-llama.sh fills (<c>.taleforge/llama</c>): from TALEFORGE_LLAMA_DIR, else by
/// walking up from the application's folder and from the current folder, so tests and the CLI need no
/// LD_LIBRARY_PATH wherever they run from inside the repository.
/// </summary>
public static class LibraryDirectory
{
    /// <summary>Environment variable naming the folder explicitly.</summary>
    public const string EnvironmentVariable = "TALEFORGE_LLAMA_DIR";

    /// <summary>Sub-folder of the CPU build inside the folder.</summary>
    public const string CpuFolder = "linux-x64";

    /// <summary>Sub-folder of the CUDA build inside the folder.</summary>
    public const string CudaFolder = "linux-x64-cuda";

    /// <summary>The folder, or null with the places searched in <paramref name="searched"/>.</summary>
    public static string? Find(out IReadOnlyList<string> searched)
    {
        var places = new List<string>();
        searched = places;
        var explicitDirectory = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            places.Add(explicitDirectory);
            return Directory.Exists(Path.Combine(explicitDirectory, CpuFolder)) || Directory.Exists(Path.Combine(explicitDirectory, CudaFolder))
                ? Path.GetFullPath(explicitDirectory)
                : null;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ".taleforge", "llama");
                places.Add(candidate);
                if (Directory.Exists(Path.Combine(candidate, CpuFolder)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    /// <summary>The repository-local cache folder (<c>.taleforge</c>) next to the libraries, or under the current folder.</summary>
    public static string CacheRoot()
    {
        var libraries = Find(out _);
        return libraries is not null && Path.GetFileName(libraries) == "llama" && Environment.GetEnvironmentVariable(EnvironmentVariable) is null
            ? Path.GetDirectoryName(libraries)!
            : Path.Combine(Directory.GetCurrentDirectory(), ".taleforge");
    }
}
