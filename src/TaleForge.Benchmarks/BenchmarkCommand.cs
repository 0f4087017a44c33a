using System.CommandLine;
using System.CommandLine.Invocation;
using TaleForge.Benchmarks.Commands;
using TaleForge.Engine.Hosting;

namespace TaleForge.Benchmarks;

/// <summary>
/// The <c>taleforge-bench</c> command (also reached as <c>taleforge bench</c>): measurements of TaleForge's own
/// speed, each part a subcommand, and how errors reach the user.
/// </summary>
public static class BenchmarkCommand
{
    private const string Program = "taleforge-bench";

    public static RootCommand Create() => new("Measure TaleForge's speed; each subcommand measures one part and can print JSON.")
    {
        BenchContentCommand.Create(),
        BenchInferenceCommand.Create(),
        BenchEngineCommand.Create(),
        BenchTrajectoryCommand.Create(),
        BenchDatasetCommand.Create(),
        BenchGpuCommand.Create(),
        BenchLlamaSharpPeerCommand.Create(),
    };

    /// <summary>Runs one command line, writing to the given streams: the entry point for the process and for tests.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parse = Create().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return await CommandHost.UsageAsync(error, parse.Errors.Select(e => e.Message), Program);
        }
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        var console = ReferenceEquals(output, Console.Out);
        return await CommandHost.RunAsync(Program, args, error, token => parse.InvokeAsync(configuration, token), listenToSignals: console, cancellation);
    }
}
