using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TaleForge.Benchmarks.Tests;

/// <summary>
/// tools/gpu-check.sh with --dry-run on this CPU machine: install, build, a random model, a load and every
/// measurement, so the script a GPU machine runs is known to work up to the GPU itself.
/// </summary>
[StartsProcesses]
[Slow]
[NeedsNativeLibrary]
public sealed class GpuCheckScriptTests
{
    [Fact]
    public async Task A_dry_run_prints_one_json_object_with_every_measurement_on_the_cpu()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "tools", "gpu-check.sh"), "--dry-run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));

        Assert.True(process.ExitCode == 0, await error);
        var json = JsonNode.Parse(await output)!;
        Assert.True((bool)json["dry_run"]!);
        Assert.Equal("tiny", (string?)json["preset"]);
        var measured = json["measured"]!;
        Assert.Equal("CPU", (string?)measured["backend"]);
        Assert.Equal(0, (int)measured["n_gpu_layers"]!);
        foreach (var key in new[] { "load_s", "single_stream_tok_s", "concurrent_4_tok_s", "concurrent_16_tok_s", "cached_prefix_ttft_ms" })
        {
            Assert.True((double)measured[key]! > 0, $"{key} is {measured[key]}");
        }
        Assert.Null(measured["single_stream_vs_bandwidth_limit"]);
        Assert.True((long)measured["bytes_per_token"]! > 0);
    }
}
