using TaleForge.Cli.Commands;
using TaleForge.CommandLine;
using TaleForge.Core;
using TaleForge.Inference.Backends;
using YamlDotNet.RepresentationModel;

namespace TaleForge.Cli.Models;

/// <summary>
/// Which model files play which roles, and how they run. Layered as the conventions go: defaults, then the
/// config file, then TALEFORGE_* variables, then command-line flags, each overriding the one before.
/// </summary>
public sealed record ModelSettings
{
    public string? Model { get; init; }
    public string? NarratorModel { get; init; }
    public int ContextSize { get; init; } = 16384;

    /// <summary>The local backend GGUF files run on (<see cref="Backends.Local"/>): ours unless llamasharp is asked for.</summary>
    public string Backend { get; init; } = Backends.Llama;

    public int? Threads { get; init; }
    public int GpuLayers { get; init; }
    public float? Temperature { get; init; }

    /// <summary>What the roles sample with: the defaults, at the temperature asked for.</summary>
    public Sampling Sampling => Temperature is { } temperature ? Sampling.Default with { Temperature = temperature } : Sampling.Default;

    /// <summary>Requests decoded together (-np); each gets an equal share of the context.</summary>
    public int Parallel { get; init; } = 4;

    public static string DefaultConfigPath
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return Path.Combine(home, "taleforge", "config.yaml");
        }
    }

    /// <summary>Reads a config file's keys (model, narrator_model, backend, ctx_size, threads, n_gpu_layers, temp, parallel) over these settings.</summary>
    public ModelSettings WithConfigFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ConfigFile.Read(path) is not { } root)
        {
            return this;
        }
        var values = root.Children
            .Where(p => p.Key is YamlScalarNode && p.Value is YamlScalarNode)
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal);
        return With(key => values.GetValueOrDefault(key), key => $"{key} in {path}");
    }

    /// <summary>Reads TALEFORGE_MODEL, TALEFORGE_NARRATOR_MODEL, TALEFORGE_BACKEND, TALEFORGE_CTX_SIZE, ... over these settings.</summary>
    public ModelSettings WithEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return With(key => variable(VariableOf(key)), VariableOf);
    }

    private static string VariableOf(string key) => "TALEFORGE_" + key.ToUpperInvariant();

    /// <summary>Reads each key through <paramref name="read"/>, checking it against its option's range (<see cref="OptionRanges"/>).</summary>
    private ModelSettings With(Func<string, string?> read, Func<string, string> name)
    {
        int? Int(string key, OptionRange range) => read(key) is { Length: > 0 } text
            ? int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? (int)range.Checked(n, name(key))
                : throw OptionChecks.Usage($"{name(key)} must be a whole number from {range.Min} to {range.Max}{range.Why}, not '{text}'.")
            : null;
        float? Float(string key, OptionRange range) => read(key) is { Length: > 0 } text
            ? float.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f)
                ? (float)range.Checked(f, name(key))
                : throw OptionChecks.Usage($"{name(key)} must be a number from {range.Min} to {range.Max}, not '{text}'.")
            : null;
        var context = Int("ctx_size", OptionRanges.ContextSize);
        return this with
        {
            Model = read("model") is { Length: > 0 } model ? model : Model,
            NarratorModel = read("narrator_model") is { Length: > 0 } narrator ? narrator : NarratorModel,
            Backend = read("backend") is { Length: > 0 } backend ? OptionRanges.Backend.Checked(backend, name("backend")) : Backend,
            ContextSize = context ?? ContextSize,
            Threads = Int("threads", OptionRanges.Threads) ?? Threads,
            GpuLayers = Int("n_gpu_layers", OptionRanges.GpuLayers) ?? GpuLayers,
            Temperature = Float("temp", OptionRanges.Temperature) ?? Temperature,
            Parallel = Int("parallel", OptionRanges.Parallel) ?? Parallel,
        };
    }
}
