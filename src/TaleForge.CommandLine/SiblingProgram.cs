namespace TaleForge.CommandLine;

/// <summary>
/// Another program of this repository run as a child process (taleforge runs the benchmarks; the benchmarks run
/// taleforge and their own peers): found beside the running one where both were built into one folder, else where
/// the repository builds it (Release first, as run.sh builds), and started by the dotnet host running this process.
/// </summary>
public static class SiblingProgram
{
    /// <param name="start">Where to look first, and from where to walk up to the repository.</param>
    /// <param name="project">The project that builds it, as named under src (TaleForge.Cli).</param>
    /// <param name="fileName">Its entry assembly (taleforge.dll).</param>
    /// <returns>The assembly's path, or null when it is built in neither place.</returns>
    public static string? Locate(string start, string project, string fileName)
    {
        var beside = Path.Combine(start, fileName);
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaleForge.sln")))
            {
                var bin = Path.Combine(directory.FullName, "src", project, "bin");
                return new[] { "Release", "Debug" }
                    .Select(configuration => Path.Combine(bin, configuration, "net10.0", fileName))
                    .FirstOrDefault(File.Exists);
            }
        }
        return null;
    }

    /// <summary>The dotnet host running this process, so the child runs on the same runtime.</summary>
    public static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
