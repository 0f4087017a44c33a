using System.Text.Json;

namespace TaleForge.Benchmarks.Tests;

public class BenchContentCommandTests
{
    [Slow]
    [Fact]
    public async Task Bench_content_reports_both_cases_as_json_against_a_baseline()
    {
        var run = await Bench.RunAsync("content", "--json", "--runs", "1", "--warmups", "0", "--dir", Repository.Worlds);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("content", json.RootElement.GetProperty("benchmark").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("runs").GetInt32());
        var cases = json.RootElement.GetProperty("cases");
        Assert.Equal(2, cases.GetArrayLength());
        var sample = cases[0];
        Assert.Equal("largest-sample", sample.GetProperty("name").GetString());
        Assert.Equal("greywick", sample.GetProperty("world").GetString());
        Assert.Equal(50, sample.GetProperty("goal_ms").GetDouble());
        var generated = cases[1];
        Assert.Equal(500, generated.GetProperty("locations").GetInt32());
        Assert.Equal(200, generated.GetProperty("characters").GetInt32());
        Assert.Equal(0, generated.GetProperty("problems").GetInt32());
        Assert.Equal(500, generated.GetProperty("goal_ms").GetDouble());
        Assert.All([sample, generated], c => Assert.True(c.GetProperty("baseline_median_ms").GetDouble() > 0));
    }

    [Fact]
    public async Task Bench_content_refuses_zero_runs_as_a_usage_error()
    {
        var run = await Bench.RunAsync("content", "--runs", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--runs must be from 1 to 1000, not 0.", run.Error, StringComparison.Ordinal);
    }
}
