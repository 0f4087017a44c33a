using System.CommandLine;
using TaleForge.Cli.Commands;
using TaleForge.Core;

namespace TaleForge.Cli;

/// <summary>The <c>taleforge</c> command: its verbs, and how errors reach the user.</summary>
public static class TaleForgeCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("TaleForge: text-adventure role-play in the terminal, with worlds in YAML and characters played by local language models.")
        {
            PlayCommand.Create(),
            SavesCommand.Create(),
            SimulateCommand.Create(),
            NarratorGraphCommand.Create(),
            ValidateCommand.Create(),
            SchemaCommand.Create(),
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

    /// <summary>Runs one command line, writing to the given streams: the entry point for the process and for tests.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await Create().Parse(args).InvokeAsync(configuration, cancellation);
        }
        catch (TaleForgeException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("stopped.");
            return 130;
        }
    }
}
