using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using TaleForge.Engine.Trajectories;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Loading;

namespace TaleForge.Cli.Models;

/// <summary>Loads a model file with a progress line, and describes it for the trajectory header.</summary>
internal static class ModelLoading
{
    public static async Task<LlamaChatClient> LoadAsync(string path, ModelSettings settings, TextWriter progress, CancellationToken cancellation)
    {
        var name = Path.GetFileName(path);
        var bar = new ProgressLine(progress, $"Loading {name}");
        var options = new LlamaChatClientOptions
        {
            ContextSize = settings.ContextSize,
            GpuLayers = settings.GpuLayers,
            MaxSequences = settings.Parallel,
        };
        if (settings.Threads is { } threads)
        {
            options = options with { Threads = threads };
        }
        var client = await LlamaChatClient.LoadAsync(path, options, bar, cancellation);
        bar.Done($"Loaded {name}: {client.Model.Description}, {client.ContextSize} tokens of context, {NativeLibraryLoader.Current?.Backend ?? "CPU"}.");
        return client;
    }

    public static async Task<ModelReference> ReferenceAsync(string role, string file, ModelSettings settings, CancellationToken cancellation)
    {
        var path = Path.GetFullPath(file);
        await using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ctx_size"] = Invariant(settings.ContextSize),
            ["n_gpu_layers"] = Invariant(settings.GpuLayers),
            ["parallel"] = Invariant(settings.Parallel),
            ["temp"] = (settings.Temperature ?? 0.8f).ToString(CultureInfo.InvariantCulture),
            ["top_p"] = "0.95",
        };
        if (settings.Threads is { } threads)
        {
            parameters["threads"] = Invariant(threads);
        }
        var runtime = NativeLibraryLoader.Current;
        return new ModelReference
        {
            Role = role,
            File = Path.GetFileName(path),
            Bytes = stream.Length,
            Sha256 = hash,
            Backend = runtime is null ? "llama.cpp" : $"llama.cpp {runtime.Version} {runtime.Backend}",
            Parameters = parameters.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
