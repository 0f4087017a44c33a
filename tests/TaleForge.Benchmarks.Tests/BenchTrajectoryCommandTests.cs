using System.Text.Json.Nodes;

namespace TaleForge.Benchmarks.Tests;

public class BenchTrajectoryCommandTests
{
    [Slow]
    [Fact]
    public async Task Bench_trajectory_prints_append_and_load_measurements_beside_their_baselines_as_json()
    {
        var run = await Bench.RunAsync("trajectory", "--events", "3000", "--runs", "1", "--warmups", "0", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal("trajectory", (string?)json["benchmark"]);
        Assert.Equal(3000, (int)json["events"]!);
        Assert.Equal((double)json["load"]!["median_ms"]!, (double)json["load_index_ms"]!);
        Assert.Equal((double)json["append"]!["lines_per_s"]!, (double)json["append_events_per_s"]!);
        Assert.True((double)json["append"]!["lines_per_s"]! > 0);
        Assert.True((double)json["append"]!["baseline_lines_per_s"]! > 0);
        Assert.True((double)json["load"]!["median_ms"]! > 0);
        Assert.True((double)json["load"]!["baseline_median_ms"]! > 0);
        Assert.Equal(1000, (double)json["load"]!["goal_ms"]!);
    }
}
