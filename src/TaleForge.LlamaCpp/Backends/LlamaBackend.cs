using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Loading;

namespace TaleForge.LlamaCpp.Backends;

/// <summary>
/// A local GGUF file run by llama.cpp, as the engine sees a backend: grammar-constrained, seeded, and deterministic
/// on the CPU (a GPU's kernels do not promise byte-identical replies). Disposing it unloads the model.
/// </summary>
public sealed class LlamaBackend : IModelBackend
{
    private readonly LlamaChatClient _client;
    private readonly LlamaChatClientOptions _options;
    private readonly bool _threadsChosen;
    private Task<BackendReference>? _reference;

    /// <param name="threadsChosen">The thread count was asked for, so the header records it and a re-run uses it.</param>
    public LlamaBackend(LlamaChatClient client, LlamaChatClientOptions options, bool threadsChosen = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options;
        _threadsChosen = threadsChosen;
        var onGpu = options.GpuLayers != 0 && NativeLibraryLoader.Current?.GpuAvailable == true;
        Capabilities = new BackendCapabilities(ConstrainedOutput: true, Seeds: true, Deterministic: !onGpu);
    }

    /// <summary>Checks and loads <paramref name="path"/>; progress goes from 0 to 1.</summary>
    public static async Task<LlamaBackend> LoadAsync(
        string path, LlamaChatClientOptions options, bool threadsChosen, IProgress<float>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var client = await LlamaChatClient.LoadAsync(path, options, progress, cancellation);
        return new LlamaBackend(client, options, threadsChosen);
    }

    public IChatClient Client => _client;

    /// <summary>The loaded model, for what only llama.cpp can tell (its description).</summary>
    public LlamaChatClient Llama => _client;

    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _client.Model.Tokenize(text).Length;
    }

    public int ContextTokens => _client.ContextSize / Math.Max(1, _options.MaxSequences);

    public BackendCapabilities Capabilities { get; }

    public Task<BackendReference> ReferenceAsync(CancellationToken cancellation = default) =>
        _reference ??= DescribeAsync(cancellation);

    private async Task<BackendReference> DescribeAsync(CancellationToken cancellation)
    {
        var path = _client.Model.Path;
        await using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ctx_size"] = Invariant(_options.ContextSize),
            ["n_gpu_layers"] = Invariant(_options.GpuLayers),
            ["parallel"] = Invariant(_options.MaxSequences),
        };
        if (_threadsChosen)
        {
            settings["threads"] = Invariant(_options.Threads);
        }
        var runtime = NativeLibraryLoader.Current;
        return new BackendReference
        {
            Model = Path.GetFileName(path),
            Backend = runtime is null ? "llama.cpp" : $"llama.cpp {runtime.Version} {runtime.Backend}",
            Bytes = stream.Length,
            Sha256 = hash,
            Settings = settings.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _client.Dispose();
}
