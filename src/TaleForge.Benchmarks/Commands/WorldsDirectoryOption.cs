using System.CommandLine;

namespace TaleForge.Benchmarks.Commands;

/// <summary>The <c>--dir</c> option of the benchmarks that read sample worlds, worded as taleforge's own.</summary>
internal static class WorldsDirectoryOption
{
    public static Option<string?> Create() => new("--dir")
    {
        Description = "The folder of worlds. Default: $TALEFORGE_WORLDS, else a worlds/ folder found in or above the current folder, else above the executable.",
    };
}
