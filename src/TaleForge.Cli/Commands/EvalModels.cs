using System.CommandLine;
using TaleForge.Cli.Models;
using TaleForge.CommandLine;
using TaleForge.Core;
using TaleForge.Engine.Agents.Models;
using TaleForge.Inference.Backends;

namespace TaleForge.Cli.Commands;

/// <summary>
/// The models an evaluation loads (the judge, the interviewer) and how they run: the runtime options play uses
/// (-c, -t, -ngl, --config, TALEFORGE_* variables), with a larger default context, since a judge reads a whole
/// scene and has room reserved for the longest verdict its grammar allows. A file named twice is loaded once.
/// </summary>
internal sealed class EvalModels : IAsyncDisposable
{
    /// <summary>Four parallel requests of 4096 tokens each.</summary>
    public const int DefaultContext = 16384;

    private readonly Dictionary<string, IModelBackend> _loaded = new(StringComparer.Ordinal);

    public static Option<string?> Backend { get; } = new Option<string?>("--backend") { Description = Backends.OptionDescription }.Among(OptionRanges.Backend);
    public static Option<int?> Context { get; } = new Option<int?>("--ctx-size", "-c") { Description = $"Context size in tokens (default {DefaultContext}); see docs/llama.md for how parallel requests use it." }.Within(OptionRanges.ContextSize);
    public static Option<int?> Threads { get; } = new Option<int?>("--threads", "-t") { Description = "CPU threads for generation." }.Within(OptionRanges.Threads);
    public static Option<int?> GpuLayers { get; } = new Option<int?>("--n-gpu-layers", "-ngl") { Description = "Layers to offload to an NVIDIA GPU (-1: all)." }.Within(OptionRanges.GpuLayers);
    public static Option<string?> Config { get; } = new Option<string?>("--config") { Description = $"Settings file (default {ModelSettings.DefaultConfigPath})." }.NotBlank();

    public static void AddTo(Command command)
    {
        command.Add(Backend);
        command.Add(Context);
        command.Add(Threads);
        command.Add(GpuLayers);
        command.Add(Config);
    }

    /// <summary>Defaults, then the config file, then TALEFORGE_* variables, then flags, as for play.</summary>
    public static ModelSettings Settings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = new ModelSettings { ContextSize = DefaultContext }
            .WithConfigFile(parse.GetValue(Config) ?? ModelSettings.DefaultConfigPath)
            .WithEnvironment(Environment.GetEnvironmentVariable);
        return settings with
        {
            Backend = parse.GetValue(Backend) is { } backend ? OptionRanges.Backend.Checked(backend, "--backend") : settings.Backend,
            ContextSize = parse.GetValue(Context) ?? settings.ContextSize,
            Threads = parse.GetValue(Threads) ?? settings.Threads,
            GpuLayers = parse.GetValue(GpuLayers) ?? settings.GpuLayers,
        };
    }

    /// <summary>A role for <paramref name="file"/>, loading it on first use; greedy decoding, the context split between parallel requests.</summary>
    public async Task<ModelRole> RoleAsync(string what, string file, ModelSettings settings, ILoadProgress progress, CancellationToken cancellation)
    {
        if (Remote.RemoteEndpoint.IsEndpoint(file))
        {
            // A judge behind an endpoint ("URL,MODEL"): its key variable and limits from TALEFORGE_* variables.
            if (!_loaded.TryGetValue(file, out var remote))
            {
                remote = await Backends.OpenAsync(file, settings, new RemoteSettings().WithEnvironment(Environment.GetEnvironmentVariable), progress, cancellation);
                _loaded[file] = remote;
            }
            return ModelRole.For(remote, Backends.NameOf(file), Sampling.Greedy);
        }
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new TaleForgeException($"the {what} model '{file}' does not exist; give the path of a GGUF model file.");
        }
        if (!_loaded.TryGetValue(path, out var backend))
        {
            backend = await Backends.LoadAsync(path, settings, progress, cancellation);
            _loaded[path] = backend;
        }
        return ModelRole.For(backend, Path.GetFileName(path), Sampling.Greedy);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var backend in _loaded.Values)
        {
            backend.Dispose();
        }
        _loaded.Clear();
        return ValueTask.CompletedTask;
    }
}
