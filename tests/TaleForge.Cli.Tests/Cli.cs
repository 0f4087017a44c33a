namespace TaleForge.Cli.Tests;

/// <summary>Runs <c>taleforge</c> in-process and captures what it printed.</summary>
internal static class Cli
{
    public static Task<CommandRun> RunAsync(params string[] args) => CommandRun.InProcessAsync(TaleForgeCommand.RunAsync, args);
}
