using System.CommandLine;
using TaleForge.Benchmarks;
using TaleForge.CommandLine;
using TaleForge.Content.Library;
using TaleForge.Core;

namespace TaleForge.Benchmarks.Commands;

/// <summary><c>taleforge bench engine</c>: the engine's time per step, and a 3-character scene on a random model.</summary>
internal static class BenchEngineCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "GGUF for the scene (default: a 'small' random model written into .taleforge/models)." };
        var noModel = new Option<bool>("--no-model") { Description = "Only the engine's own time per step." };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of the scene.", DefaultValueFactory = _ => 3 }.Within(1, 1000);
        var threads = new Option<int>("--threads", "-t") { Description = "CPU threads for the model.", DefaultValueFactory = _ => 1 }.Within(1, Environment.ProcessorCount, " (the processors this machine has)");
        var json = new Option<bool>("--json") { Description = "Print JSON (the default is also JSON, indented)." };
        var dir = WorldsDirectoryOption.Create();
        var command = new Command("engine", "Time the engine per step (goal < 1 ms, no model), and a 3-round, 3-character scene on a random-weight model: wall time, model share, a phase batched vs one by one.")
        {
            model, noModel, rounds, threads, json, dir,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var library = WorldLibrary.Locate(parse.GetValue(dir));
            var modelPath = parse.GetValue(noModel) ? null
                : parse.GetValue(model) ?? EngineBenchmark.SmallModel(Path.Combine(Path.GetDirectoryName(library.Folder)!, ".taleforge", "models"));
            var result = await EngineBenchmark.RunAsync(library, modelPath, parse.GetValue(rounds), parse.GetValue(threads), parse.InvocationConfiguration.Error, cancellation);
            await parse.InvocationConfiguration.Output.WriteLineAsync(Json.Write(result));
            return 0;
        });
        return command;
    }
}
