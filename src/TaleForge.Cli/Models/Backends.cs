using TaleForge.Inference.Backends;
using TaleForge.LlamaCpp.Backends;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Loading;
using TaleForge.LlamaSharp.Backends;
using TaleForge.LlamaSharp.Chat;
using TaleForge.LlamaSharp.Loading;
using TaleForge.Remote;

namespace TaleForge.Cli.Models;

/// <summary>
/// The composition point for model backends: the one place the executable names a concrete one (the local
/// llama.cpp backend, LLamaSharp when asked for, or an OpenAI-compatible endpoint). Everything else sees
/// <see cref="IModelBackend"/>.
/// </summary>
internal static class Backends
{
    /// <summary>Our own llama.cpp binding: batching, prefix cache, the default.</summary>
    public const string Llama = "llama";

    /// <summary>LLamaSharp, opt-in: one request at a time; its native libraries clash with ours, so never both in one process.</summary>
    public const string LlamaSharp = LlamaSharpBackend.Name;

    /// <summary>The local backends, as --backend, the config key backend and TALEFORGE_BACKEND name them.</summary>
    public static IReadOnlyList<string> Local { get; } = [Llama, LlamaSharp];

    public const string OptionDescription =
        "Backend for local GGUF files: llama (our own llama.cpp binding, default) or llamasharp (LLamaSharp; docs/llama.md).";

    /// <summary>The local backend a trajectory header's backend text names ("LLamaSharp 0.30.0 CPU Avx2" → llamasharp).</summary>
    public static string RecordedAs(string? recorded) =>
        recorded is not null && recorded.StartsWith("LLamaSharp", StringComparison.Ordinal) ? LlamaSharp : Llama;

    /// <summary>
    /// A role's model from its source: "URL,MODEL" is an endpoint (nothing loads; the key is read from the
    /// variable <paramref name="remote"/> names), anything else a local GGUF file.
    /// </summary>
    public static async Task<IModelBackend> OpenAsync(string source, ModelSettings settings, RemoteSettings remote, ILoadProgress progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(remote);
        if (!RemoteEndpoint.IsEndpoint(source))
        {
            return await LoadAsync(Path.GetFullPath(source), settings, progress, cancellation);
        }
        var endpoint = remote.EndpointFor(source, "an endpoint");
        var backend = new OpenAiBackend(endpoint, Environment.GetEnvironmentVariable);
        progress.Note($"Using {endpoint.Model} at {endpoint.Url} (at most {endpoint.MaxConcurrency} requests at once).");
        return backend;
    }

    /// <summary>How a role's model is named in its records: the file's name, or the model asked of an endpoint.</summary>
    public static string NameOf(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return RemoteEndpoint.IsEndpoint(source) ? RemoteEndpoint.Parse(source, "a model source").Model : Path.GetFileName(source);
    }

    /// <summary>Loads a local GGUF file with the settings given, telling <paramref name="progress"/> how far it got.</summary>
    public static async Task<IModelBackend> LoadAsync(string path, ModelSettings settings, ILoadProgress progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        if (settings.Backend == LlamaSharp)
        {
            return await LoadLlamaSharpAsync(path, settings, progress, cancellation);
        }
        var streamsFit = ContextFit.Check(path, settings);
        var name = Path.GetFileName(path);
        var options = new LlamaChatClientOptions
        {
            ContextSize = settings.ContextSize,
            GpuLayers = settings.GpuLayers,
            MaxSequences = settings.Parallel,
            // A stream per request only where memory holds it; otherwise the shared cache, as small as before.
            SeparateKvStreams = streamsFit ? null : false,
        };
        if (settings.Threads is { } threads)
        {
            options = options with { Threads = threads };
        }
        var backend = await ShownAsync(progress, path, $"Loading {name}", bar => LlamaBackend.LoadAsync(path, options, threadsChosen: settings.Threads is not null, bar, cancellation));
        progress.Done($"Loaded {name}: {backend.Llama.Model.Description}, {backend.Llama.ContextSize} tokens of context, {NativeLibraryLoader.Current?.Backend ?? "CPU"}.");
        return backend;
    }

    /// <summary>
    /// Loads a local GGUF file through LLamaSharp. Only LLamaSharp's libraries load: nothing here touches our
    /// loader, whose libggml-base.so would clash with LLamaSharp's in the same process.
    /// </summary>
    private static async Task<IModelBackend> LoadLlamaSharpAsync(string path, ModelSettings settings, ILoadProgress progress, CancellationToken cancellation)
    {
        // One request at a time: the whole context is that request's.
        ContextFit.Check(path, settings with { Parallel = 1 });
        var name = Path.GetFileName(path);
        var options = new LlamaSharpOptions { ContextSize = settings.ContextSize, GpuLayers = settings.GpuLayers };
        if (settings.Threads is { } threads)
        {
            options = options with { Threads = threads };
        }
        var backend = await ShownAsync(
            progress, path, $"Loading {name} with LLamaSharp", bar => LlamaSharpBackend.LoadAsync(path, options, threadsChosen: settings.Threads is not null, bar, cancellation));
        progress.Done($"Loaded {name}: {backend.LlamaSharp.Weights.NativeHandle.Description}, {backend.ContextTokens} tokens of context, {LlamaSharpRuntime.Name}.");
        return backend;
    }

    /// <summary>A file's load shown from its beginning to its end, whether it loads or not.</summary>
    private static async Task<T> ShownAsync<T>(ILoadProgress progress, string path, string label, Func<IProgress<float>, Task<T>> load)
    {
        var bar = progress.Begin(path, label);
        try
        {
            return await load(bar);
        }
        catch
        {
            progress.Failed();
            throw;
        }
    }
}
