namespace TaleForge.Benchmarks.Tests;

/// <summary>taleforge-bench reports errors through the same top-level handler as taleforge.</summary>
public class BenchErrorTests
{
    [Fact]
    public async Task An_unknown_option_is_a_usage_error_with_exit_2()
    {
        var run = await Bench.RunAsync("content", "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Error, StringComparison.Ordinal);
        Assert.EndsWith("See 'taleforge-bench --help'.\n", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inference", "--threads", "0", "--threads must be from 1 to")]
    [InlineData("inference", "--threads", "100000", "(the processors this machine has), not 100000.")]
    [InlineData("inference", "--tokens", "1", "--tokens must be from 2 to 4096, not 1.")]
    [InlineData("inference", "--runs", "0", "--runs must be from 1 to 1000, not 0.")]
    [InlineData("engine", "--rounds", "0", "--rounds must be from 1 to 1000, not 0.")]
    [InlineData("engine", "--threads", "-1", "--threads must be from 1 to")]
    [InlineData("content", "--warmups", "-1", "--warmups must be from 0 to 1000, not -1.")]
    [InlineData("trajectory", "--events", "0", "--events must be from 1 to 100000000, not 0.")]
    [InlineData("gpu", "--n-gpu-layers", "-2", "--n-gpu-layers must be from -1 to 100000 (-1: all), not -2.")]
    public async Task An_option_out_of_range_is_a_usage_error_naming_it_and_its_range_before_anything_runs(string verb, string option, string value, string message)
    {
        var run = await Bench.RunAsync(verb, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
