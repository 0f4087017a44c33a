using System.Text.Json.Nodes;
using TaleForge.Cli;

namespace TaleForge.Benchmarks.Tests;

/// <summary><c>taleforge bench ...</c> runs the separate benchmarks program, found beside taleforge.dll, as if it were a verb.</summary>
[StartsProcesses]
public class BenchVerbTests
{
    private static Task<CommandRun> Taleforge(params string[] args) => CommandRun.InProcessAsync(TaleForgeCommand.RunAsync, args);

    [Fact]
    public async Task Taleforge_bench_forwards_its_arguments_and_prints_what_the_benchmarks_program_prints()
    {
        var run = await Taleforge("bench", "trajectory", "--events", "500", "--runs", "1", "--warmups", "0", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal("trajectory", (string?)json["benchmark"]);
        Assert.Equal(500, (int)json["events"]!);
        Assert.Equal(1, (int)json["load"]!["runs"]!);
    }

    [Fact]
    public async Task Taleforge_bench_passes_on_the_benchmarks_error_and_exit_code()
    {
        var run = await Taleforge("bench", "content", "--runs", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("--runs must be from 1 to 1000, not 0.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_after_taleforge_bench_is_the_benchmarks_own_help_listing_every_measurement()
    {
        var run = await Taleforge("bench", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("taleforge-bench [command] [options]", run.Output, StringComparison.Ordinal);
        foreach (var measurement in new[] { "content", "inference", "engine", "trajectory" })
        {
            Assert.Contains($"  {measurement}  ", run.Output, StringComparison.Ordinal);
        }
    }
}
