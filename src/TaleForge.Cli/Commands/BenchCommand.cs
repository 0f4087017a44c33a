using System.CommandLine;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge bench</c>: measurements of TaleForge's own speed; each part is a subcommand.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure TaleForge's speed; each subcommand measures one part and can print JSON.")
    {
        BenchContentCommand.Create(),
        BenchInferenceCommand.Create(),
        BenchEngineCommand.Create(),
        BenchTrajectoryCommand.Create(),
    };
}
