using System.CommandLine;
using TaleForge.CommandLine;

namespace TaleForge.Cli.Commands;

/// <summary>The <c>--dir</c> option shared by verbs that look worlds up by name.</summary>
internal static class WorldsDirectoryOption
{
    public static Option<string?> Create() => new Option<string?>("--dir")
    {
        Description = "The folder of worlds. Default: $TALEFORGE_WORLDS, else a worlds/ folder found in or above the current folder, else above the executable.",
    }.NotBlank();
}
