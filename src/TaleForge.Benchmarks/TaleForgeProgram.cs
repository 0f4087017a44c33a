using TaleForge.CommandLine;
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
        return new TaleForgeProgram(SiblingProgram.DotnetHost(), assembly);
    }

    /// <summary>The arguments for <see cref="Host"/>: the assembly, then the command line.</summary>
    public IEnumerable<string> Arguments(IEnumerable<string> commandLine) => commandLine.Prepend(Assembly);

    private static string? Find(string start) => SiblingProgram.Locate(start, "TaleForge.Cli", FileName);
}
