using TaleForge.Core;

namespace TaleForge.Benchmarks;

/// <summary>
/// The <c>taleforge</c> executable the benchmarks drive as a researcher does (<c>serve</c>, <c>simulate</c>): the
/// dotnet host running this program and taleforge.dll, found beside this program where both were built into one
/// folder, else where the repository builds it (Release first, as run.sh builds).
/// </summary>
internal sealed record TaleForgeProgram(string Host, string Assembly)
{
    private const string FileName = "taleforge.dll";

    public static TaleForgeProgram Locate()
    {
        var assembly = Find(AppContext.BaseDirectory) ?? Find(Directory.GetCurrentDirectory()) ?? throw new TaleForgeException(
            $"this benchmark runs taleforge, and {FileName} is not built (looked beside {AppContext.BaseDirectory} and under src/TaleForge.Cli/bin "
            + "of the repository). Build it with `dotnet build src/TaleForge.Cli -c Release`, or run `./run.sh bench ...`, which builds it.");
        return new TaleForgeProgram(DotnetHost(), assembly);
    }

    /// <summary>The arguments for <see cref="Host"/>: the assembly, then the command line.</summary>
    public IEnumerable<string> Arguments(IEnumerable<string> commandLine) => commandLine.Prepend(Assembly);

    private static string? Find(string start)
    {
        var beside = Path.Combine(start, FileName);
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaleForge.sln")))
            {
                var bin = Path.Combine(directory.FullName, "src", "TaleForge.Cli", "bin");
                return new[] { "Release", "Debug" }
                    .Select(configuration => Path.Combine(bin, configuration, "net10.0", FileName))
                    .FirstOrDefault(File.Exists);
            }
        }
        return null;
    }

    /// <summary>The dotnet host running this process, so taleforge runs on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";
}
