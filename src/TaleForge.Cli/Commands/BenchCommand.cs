using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Text;
using TaleForge.CommandLine;
using TaleForge.Core;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge bench ...</c>: the benchmarks are a program of their own, <c>taleforge-bench</c>, kept out of the
/// player's executable. This verb runs it with the same arguments; its output, errors and exit code are the verb's.
/// </summary>
internal static class BenchCommand
{
    public const string ProgramName = "taleforge-bench";

    public static Command Create()
    {
        var forward = new ForwardAction();
        var command = new Command("bench", $"Measure TaleForge's speed (content, inference, engine, trajectory): runs the separate {ProgramName} program with these arguments; `taleforge bench --help` lists its measurements.")
        {
            // `bench ... --help` is the benchmarks' own help, so it is forwarded like every other word.
            new HelpOption { Action = forward },
        };
        // Every word after `bench` belongs to the benchmarks program, which checks them itself.
        command.TreatUnmatchedTokensAsErrors = false;
        command.Action = forward;
        return command;
    }

    /// <summary>Hands every word after <c>bench</c>, in order, to the benchmarks program.</summary>
    private sealed class ForwardAction : AsynchronousCommandLineAction
    {
        public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(parseResult);
            var arguments = parseResult.Tokens
                .SkipWhile(t => !(t.Type == TokenType.Command && t.Value == "bench"))
                .Skip(1)
                .Select(t => t.Value)
                .ToList();
            return RunAsync(arguments, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        }
    }

    /// <summary>Runs the benchmarks program to its end, copying what it prints as it prints it.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var program = Locate(AppContext.BaseDirectory) ?? throw new TaleForgeException(
            $"The benchmarks are a separate program, {ProgramName}, and it is not built (looked beside {AppContext.BaseDirectory} and under "
            + "src/TaleForge.Benchmarks/bin of the repository). Build it with `dotnet build src/TaleForge.Benchmarks -c Release`, "
            + "or run `./run.sh bench ...`, which builds it, then try again.");
        var start = new ProcessStartInfo(SiblingProgram.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start) ?? throw new TaleForgeException($"Could not start {ProgramName} ({program}).");
        var copyOutput = CopyAsync(child.StandardOutput, output);
        var copyError = CopyAsync(child.StandardError, error);
        try
        {
            await child.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }
        await Task.WhenAll(copyOutput, copyError);
        return child.ExitCode;
    }

    /// <summary>
    /// The benchmarks' entry assembly: beside taleforge.dll where both were built into one folder, else where the
    /// repository this taleforge was built from builds it (Release first, as run.sh builds).
    /// </summary>
    internal static string? Locate(string baseDirectory) => SiblingProgram.Locate(baseDirectory, "TaleForge.Benchmarks", ProgramName + ".dll");

    private static async Task CopyAsync(StreamReader from, TextWriter to)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
            await to.FlushAsync();
        }
    }
}
