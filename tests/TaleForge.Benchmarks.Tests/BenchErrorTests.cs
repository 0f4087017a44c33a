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
}
