using System.CommandLine;
using System.CommandLine.Invocation;
using TaleForge.Cli.Commands;
using TaleForge.Cli.Presentation;
using TaleForge.Engine.Hosting;

namespace TaleForge.Cli;

/// <summary>The <c>taleforge</c> command: its verbs, and how errors reach the user.</summary>
public static class TaleForgeCommand
{
    public const string Program = "taleforge";

    public static RootCommand Create()
    {
        var root = new RootCommand("TaleForge: text-adventure role-play in the terminal, with worlds in YAML and characters played by local language models.")
        {
            PlayCommand.Create(),
            SavesCommand.Create(),
            SimulateCommand.Create(),
            NarratorGraphCommand.Create(),
            ValidateCommand.Create(),
            TestCommand.Create(),
            SchemaCommand.Create(),
            PromptsCommand.Create(),
            WorldsCommand.Create(),
            ShowCommand.Create(),
            ImportCommand.Create(),
            new Command("model", "Work with local model files.") { ModelRandomCommand.Create() },
            BenchCommand.Create(),
            ReplayCommand.Create(),
            EvalCommand.Create(),
            ExportCommand.Create(),
            ServeCommand.Create(),
        };
        VersionAction.Install(root);
        return root;
    }

    /// <summary>The process's entry point: the console's streams, its signals, control characters neutralised.</summary>
    public static Task<int> RunConsoleAsync(string[] args) =>
        RunAsync(args, TerminalWriter.Over(Console.Out, isConsole: true), TerminalWriter.Over(Console.Error, isConsole: true), listenToSignals: true, CancellationToken.None);

    /// <summary>Runs one command line, writing to the given streams: the entry point for tests.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        RunAsync(args, output, error, listenToSignals: false, cancellation);

    private static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool listenToSignals, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var screen = TerminalWriter.Over(output);
        var messages = TerminalWriter.Over(error);
        var parse = Create().Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            return await CommandHost.UsageAsync(messages, parse.Errors.Select(e => e.Message), Program);
        }
        var configuration = new InvocationConfiguration
        {
            Output = screen,
            Error = messages,
            EnableDefaultExceptionHandler = false,
            // Signals are the host's: System.CommandLine's own handler is what crashed on Ctrl-C then SIGTERM.
            ProcessTerminationTimeout = null,
        };
        return await CommandHost.RunAsync(Program, args, messages, token => parse.InvokeAsync(configuration, token), listenToSignals, cancellation);
    }
}
