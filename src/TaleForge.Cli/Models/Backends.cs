using TaleForge.Inference.Backends;
using TaleForge.LlamaCpp.Backends;
using TaleForge.LlamaCpp.Chat;
using TaleForge.LlamaCpp.Loading;

namespace TaleForge.Cli.Models;

/// <summary>
/// The composition point for model backends: the one place the executable names a concrete one (today the local
/// llama.cpp backend). Everything else sees <see cref="IModelBackend"/>.
/// </summary>
internal static class Backends
{
    /// <summary>Loads a local GGUF file with the settings given, showing a progress line.</summary>
    public static async Task<IModelBackend> LoadAsync(string path, ModelSettings settings, TextWriter progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(settings);
        ContextFit.Check(path, settings);
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
        var backend = await LlamaBackend.LoadAsync(path, options, threadsChosen: settings.Threads is not null, bar, cancellation);
        bar.Done($"Loaded {name}: {backend.Llama.Model.Description}, {backend.Llama.ContextSize} tokens of context, {NativeLibraryLoader.Current?.Backend ?? "CPU"}.");
        return backend;
    }
}
