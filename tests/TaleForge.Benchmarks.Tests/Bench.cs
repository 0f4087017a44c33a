namespace TaleForge.Benchmarks.Tests;

/// <summary>Runs <c>taleforge-bench</c> in-process and captures what it printed.</summary>
internal static class Bench
{
    public static Task<CommandRun> RunAsync(params string[] args) => CommandRun.InProcessAsync(BenchmarkCommand.RunAsync, args);
}
