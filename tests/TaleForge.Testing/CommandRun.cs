using System.Diagnostics;

namespace TaleForge.Testing;

/// <summary>What a command line printed and returned, run in-process with its streams captured.</summary>
public sealed record CommandRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Runs <paramref name="entry"/> (a program's <c>RunAsync(args, output, error, cancellation)</c>) on <paramref name="args"/>.</summary>
    public static async Task<CommandRun> InProcessAsync(
        Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>> entry, string[] args, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var clock = Stopwatch.StartNew();
        var code = await entry(args, output, error, cancellation).ConfigureAwait(false);
        return new CommandRun(code, output.ToString(), error.ToString(), clock.Elapsed);
    }
}
