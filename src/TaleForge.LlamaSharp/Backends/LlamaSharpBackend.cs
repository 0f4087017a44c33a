using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;
using TaleForge.LlamaSharp.Chat;
using TaleForge.LlamaSharp.Loading;

namespace TaleForge.LlamaSharp.Backends;

/// <summary>
/// A local GGUF file run by LLamaSharp (<c>--backend llamasharp</c>), as the engine sees a backend: grammar-constrained
/// and seeded like ours, deterministic on the CPU, one request at a time. Disposing it unloads the model.
/// </summary>
public sealed class LlamaSharpBackend : IModelBackend
{
    /// <summary>The name the option and the config file give this backend.</summary>
    public const string Name = "llamasharp";

    private readonly LlamaSharpChatClient _client;
    private readonly bool _threadsChosen;
    private Task<BackendReference>? _reference;

    /// <param name="threadsChosen">The thread count was asked for, so the header records it and a re-run uses it.</param>
    public LlamaSharpBackend(LlamaSharpChatClient client, bool threadsChosen = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _threadsChosen = threadsChosen;
        var onGpu = client.Options.GpuLayers != 0 && LlamaSharpRuntime.GpuBuild;
        Capabilities = new BackendCapabilities(ConstrainedOutput: true, Seeds: true, Deterministic: !onGpu);
    }

    /// <summary>Loads <paramref name="path"/>; progress goes from 0 to 1.</summary>
    public static async Task<LlamaSharpBackend> LoadAsync(
        string path, LlamaSharpOptions options, bool threadsChosen, IProgress<float>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        var client = await LlamaSharpChatClient.LoadAsync(path, options, progress, cancellation).ConfigureAwait(false);
        return new LlamaSharpBackend(client, threadsChosen);
    }

    public IChatClient Client => _client;

    /// <summary>The loaded model, for what only LLamaSharp can tell.</summary>
    public LlamaSharpChatClient LlamaSharp => _client;

    public int CountTokens(string text) => _client.CountTokens(text);

    public int ContextTokens => _client.ContextSize;

    public BackendCapabilities Capabilities { get; }

    public Task<BackendReference> ReferenceAsync(CancellationToken cancellation = default) =>
        _reference ??= DescribeAsync(cancellation);

    private async Task<BackendReference> DescribeAsync(CancellationToken cancellation)
    {
        var path = _client.ModelPath;
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation).ConfigureAwait(false));
            var options = _client.Options;
            var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["ctx_size"] = Invariant(options.ContextSize),
                ["n_gpu_layers"] = Invariant(options.GpuLayers),
                ["parallel"] = Invariant(1),
            };
            if (_threadsChosen)
            {
                settings["threads"] = Invariant(options.Threads);
            }
            return new BackendReference
            {
                Model = Path.GetFileName(path),
                Backend = LlamaSharpRuntime.Name,
                Bytes = stream.Length,
                Sha256 = hash,
                Settings = settings.ToImmutableSortedDictionary(StringComparer.Ordinal),
            };
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _client.Dispose();
}
