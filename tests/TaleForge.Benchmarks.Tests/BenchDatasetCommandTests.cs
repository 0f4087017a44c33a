using System.Text.Json.Nodes;

namespace TaleForge.Benchmarks.Tests;

/// <summary>
/// <c>bench dataset</c> end to end on the tiny model: taleforge serve on a loopback port, the first scene of each
/// dataset work played two at a time and then one request at a time, and both runs in one JSON object.
/// </summary>
[Slow]
[StartsProcesses]
[NeedsNativeLibrary]
public sealed class BenchDatasetCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Bench_dataset_times_the_dataset_k_episodes_at_once_and_one_request_at_a_time_and_prints_their_ratio()
    {
        var model = TinyModels.Write(Path.Combine(_folder.Path, "tiny.gguf"));

        var run = await Bench.RunAsync("dataset", "--model", model, "--scenes", "first", "--episodes", "1", "--parallel", "2", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal("dataset", (string?)json["benchmark"]);
        Assert.Equal("tiny.gguf", (string?)json["model"]);
        Assert.Equal(2, (int)json["parallel"]!);
        Assert.Equal(2, (int)json["dataset"]!["episodes"]!);
        Assert.Equal("<= 0.33", (string?)json["goals"]!["dataset_parallel_vs_sequential"]);
        var parallel = json["parallel_run"]!;
        var sequential = json["sequential_run"]!;
        Assert.Equal(2, (int)parallel["serve_parallel"]!);
        Assert.Equal(1, (int)sequential["serve_parallel"]!);
        foreach (var side in new[] { parallel, sequential })
        {
            Assert.Equal(2, (int)side["episodes"]!);
            Assert.Equal(2, (int)side["episodes_finished"]!);
            Assert.True((double)side["wall_s"]! > 0);
            Assert.True((int)side["model_calls"]! > 0);
            Assert.Equal(0, (int)side["failed_calls"]!);
            Assert.True((long)side["completion_tokens"]! > 0);
            Assert.True((double)side["simulate_cpu_s"]! > 0);
        }
        var ratio = (double)json["dataset_parallel_vs_sequential"]!;
        Assert.True(ratio > 0);
        Assert.Equal(Math.Round((double)parallel["wall_s"]! / (double)sequential["wall_s"]!, 2), Math.Round(ratio, 2), 0.011);
        Assert.Equal(ratio <= 0.33, (bool)json["meets_goal"]!);
    }
}

/// <summary>What <c>bench dataset</c> refuses before it starts anything.</summary>
public sealed class BenchDatasetOptionTests
{
    [Theory]
    [InlineData("--parallel", "1", "--parallel must be from 2 to 64, not 1.")]
    [InlineData("--episodes", "0", "--episodes must be from 1 to 100, not 0.")]
    [InlineData("--rounds", "11", "--rounds must be from 1 to 10, not 11.")]
    [InlineData("--threads", "0", "--threads must be from 1 to")]
    [InlineData("--scenes", "some", "Argument 'some' not recognized")]
    public async Task An_option_out_of_range_is_a_usage_error_naming_it(string option, string value, string message)
    {
        var run = await Bench.RunAsync("dataset", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_model_is_named_with_how_to_write_one()
    {
        var run = await Bench.RunAsync("dataset", "--model", "/no/such/model.gguf");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --model '/no/such/model.gguf' does not exist; write one with `taleforge model random --preset small --out FILE`.\n", run.Error);
    }
}
