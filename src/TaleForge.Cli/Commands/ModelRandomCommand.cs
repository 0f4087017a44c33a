using System.CommandLine;
using System.Globalization;
using TaleForge.Cli.Models;
using TaleForge.LlamaCpp.RandomModels;

namespace TaleForge.Cli.Commands;

/// <summary><c>taleforge model random</c>: writes a random-weight GGUF model of a preset shape (for tests and benchmarks).</summary>
public static class ModelRandomCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset") { Description = "Shape: tiny (tests, under 1 MB), small (~28M parameters, CPU benchmarks), 1b or 8b (real shapes, GPU throughput).", Required = true };
        preset.AcceptOnlyFromAmong([.. ModelPreset.All.Select(p => p.Name)]);
        var dtype = new Option<string?>("--dtype") { Description = "Weight type: f32, f16 or q8_0 (default: f32 for tiny, f16 for small, q8_0 for 1b and 8b)." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write (.gguf).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random weights: the same seed writes the same file.", DefaultValueFactory = _ => 1 };
        var command = new Command("random", "Write a random-weight llama model (GGUF) with a byte-level vocabulary and a ChatML template.")
        {
            preset, dtype, output, seed,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var shape = ModelPreset.Parse(result.GetValue(preset)!);
            var type = result.GetValue(dtype) is { } name ? ModelPreset.ParseType(name) : shape.DefaultType;
            var path = result.GetValue(output)!.FullName;
            var writer = result.InvocationConfiguration.Output;
            // The same line as a model's loading: redrawn on a terminal, quarter by quarter in a log.
            var line = new ProgressLine(result.InvocationConfiguration.Error);
            var progress = shape == ModelPreset.Tiny ? null : line.Begin(path, $"Writing {Path.GetFileName(path)}");
            var file = await Task.Run(() => RandomModelWriter.Write(path, shape, type, result.GetValue(seed), progress), cancellation);
            line.Clear();
            var parameters = file.Tensors.Sum(t => (double)t.ElementCount);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path}: {shape.Name}, {type}, {parameters / 1e6:F1}M parameters, {file.FileLength / 1048576.0:F1} MiB"));
            return 0;
        });
        return command;
    }
}
