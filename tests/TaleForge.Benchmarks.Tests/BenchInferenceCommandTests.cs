namespace TaleForge.Benchmarks.Tests;

public sealed class BenchInferenceCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Bench_inference_with_a_corrupt_model_exits_non_zero_naming_the_file_and_the_problem()
    {
        var path = _folder.Write("corrupt.gguf", "definitely not a model, just some words in a file");

        var run = await Bench.RunAsync("inference", "--model", path, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.Contains("not a GGUF file", run.Error, StringComparison.Ordinal);
    }
}
