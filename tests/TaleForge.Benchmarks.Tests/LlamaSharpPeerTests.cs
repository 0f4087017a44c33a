namespace TaleForge.Benchmarks.Tests;

[StartsProcesses]
[NeedsNativeLibrary]
public sealed class LlamaSharpPeerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_llamasharp_peer_measures_load_and_speed_in_a_child_process_on_the_same_prompt()
    {
        var model = TinyModels.Write(Path.Combine(_folder.Path, "tiny.gguf"));
        var settings = new InferenceBenchmarkSettings { ModelPath = model, CacheRoot = _folder.Path, Threads = 1, Tokens = 16, Runs = 2, ContextSize = 1024 };

        var result = await LlamaSharpPeer.MeasureAsync(settings, CancellationToken.None);

        Assert.Null(result.Skipped);
        Assert.Equal(2, result.LoadMilliseconds!.Values.Count);
        Assert.All(result.LoadMilliseconds.Values, ms => Assert.InRange(ms, 0.01, 60_000));
        Assert.Equal(2, result.TokensPerSecond!.Values.Count);
        Assert.All(result.TokensPerSecond.Values, speed => Assert.True(speed > 0));
        Assert.InRange(result.PromptTokens, 20, 400);
    }

    [Fact]
    public async Task A_model_the_peer_cannot_load_is_reported_as_skipped_with_the_reason()
    {
        var path = _folder.Write("broken.gguf", "not a model at all");
        var settings = new InferenceBenchmarkSettings { ModelPath = path, CacheRoot = _folder.Path, Threads = 1, Runs = 1 };

        var result = await LlamaSharpPeer.MeasureAsync(settings, CancellationToken.None);

        Assert.StartsWith("LLamaSharp failed: ", result.Skipped, StringComparison.Ordinal);
        Assert.Contains("broken.gguf", result.Skipped, StringComparison.Ordinal);
    }
}
