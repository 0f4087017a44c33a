using TaleForge.LlamaCpp.Gguf;

namespace TaleForge.Cli.Tests;

public sealed class ModelCommandsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var run = await Cli.RunAsync(args);
        return (run.ExitCode, run.Output, run.Error);
    }

    private string TemporaryPath(string name) => Path.Combine(_folder.Path, name);

    [Fact]
    public async Task Model_random_writes_a_tiny_gguf_model_that_reads_back_as_a_llama_model()
    {
        var path = TemporaryPath("tiny.gguf");
        var (code, output, _) = await RunAsync("model", "random", "--preset", "tiny", "--out", path, "--seed", "5");
        Assert.Equal(0, code);
        Assert.Contains("tiny, F32", output, StringComparison.Ordinal);
        var file = GgufReader.Read(path);
        Assert.Equal("llama", file.Architecture);
        Assert.True(file.FileLength < 1_000_000);
    }

    [Fact]
    public async Task Model_random_told_in_a_log_reports_its_progress_by_quarters_on_lines_of_their_own()
    {
        var path = TemporaryPath("small.gguf");

        var (code, _, error) = await RunAsync("model", "random", "--preset", "small", "--dtype", "q8_0", "--out", path);

        Assert.Equal(0, code);
        Assert.Equal(
            string.Concat(new[] { 0, 25, 50, 75, 100 }.Select(p => $"Writing small.gguf: {p,3}%\n")),
            error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Model_random_with_the_same_seed_writes_the_same_bytes_and_q8_0_is_smaller_than_f32()
    {
        var first = TemporaryPath("a.gguf");
        var second = TemporaryPath("b.gguf");
        var quantized = TemporaryPath("q.gguf");
        await RunAsync("model", "random", "--preset", "tiny", "--out", first, "--seed", "9");
        await RunAsync("model", "random", "--preset", "tiny", "--out", second, "--seed", "9");
        var (code, _, _) = await RunAsync("model", "random", "--preset", "tiny", "--dtype", "q8_0", "--out", quantized);
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.True(new FileInfo(quantized).Length < new FileInfo(first).Length / 2);
        Assert.All(GgufReader.Read(quantized).Tensors.Where(t => t.Dimensions.Count == 2), t => Assert.Equal(GgmlType.Q8_0, t.Type));
    }

    [Fact]
    public async Task Model_random_with_an_unknown_preset_fails_with_the_choices()
    {
        var (code, _, error) = await RunAsync("model", "random", "--preset", "huge", "--out", TemporaryPath("x.gguf"));
        Assert.NotEqual(0, code);
        Assert.Contains("tiny", error, StringComparison.Ordinal);
    }
}
