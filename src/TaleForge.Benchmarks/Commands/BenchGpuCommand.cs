using System.CommandLine;
using TaleForge.Benchmarks;
using TaleForge.CommandLine;
using TaleForge.Core;

namespace TaleForge.Benchmarks.Commands;

/// <summary><c>taleforge bench gpu</c>: one model with every layer offloaded, measured as tools/gpu-check.sh reports it.</summary>
internal static class BenchGpuCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m") { Description = "GGUF to measure (tools/gpu-check.sh writes a random 8b q8_0).", Required = true };
        var gpuLayers = new Option<int>("--n-gpu-layers", "-ngl") { Description = "Layers to offload (-1: all).", DefaultValueFactory = _ => -1 }.Within(-1, 100_000, " (-1: all)");
        var bandwidth = new Option<double>("--bandwidth-gbs") { Description = "The card's memory bandwidth in GB/s, for the share of the bandwidth limit (0: not reported)." };
        var command = new Command("gpu", "Load time, single-stream and 4- and 16-concurrent tok/s, cached-prefix time to first token, and tok/s against the memory-bandwidth limit.")
        {
            model, gpuLayers, bandwidth,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = Path.GetFullPath(parse.GetValue(model)!);
            if (!File.Exists(path))
            {
                throw new TaleForgeException($"--model '{path}' does not exist; write one with `taleforge model random --preset 8b --out FILE`.");
            }
            var result = await GpuBenchmark.RunAsync(path, parse.GetValue(gpuLayers), parse.GetValue(bandwidth), parse.InvocationConfiguration.Error, cancellation);
            await parse.InvocationConfiguration.Output.WriteLineAsync(Json.Write(result));
            return 0;
        });
        return command;
    }
}
