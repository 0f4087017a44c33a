using System.Globalization;
using TaleForge.Core;
using TaleForge.Remote;
using YamlDotNet.RepresentationModel;

namespace TaleForge.Cli.Models;

/// <summary>
/// Which roles a model behind an OpenAI-compatible endpoint plays, and how the endpoint is reached. Layered as
/// <see cref="ModelSettings"/> is: defaults, the config file, TALEFORGE_* variables, then flags. The API key itself
/// is never part of it, only the name of the variable that holds it, so no trajectory, log or config file gets it.
/// </summary>
public sealed record RemoteSettings
{
    /// <summary>Base URL for the characters (and the narrator unless it has its own model).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model the endpoint is asked for.</summary>
    public string? ApiModel { get; init; }

    /// <summary>"URL,MODEL" for the narrator.</summary>
    public string? NarratorEndpoint { get; init; }

    /// <summary>"ID=URL,MODEL" for single characters.</summary>
    public IReadOnlyList<string> CharacterEndpoints { get; init; } = [];

    public string KeyVariable { get; init; } = RemoteEndpoint.DefaultKeyVariable;
    public int MaxConcurrency { get; init; } = 4;
    public int ContextTokens { get; init; } = 8192;

    /// <summary>"URL,MODEL" for the characters, from --endpoint and --api-model; null when no endpoint is set.</summary>
    public string? CharacterSource => Endpoint switch
    {
        null => null,
        _ when ApiModel is { Length: > 0 } model => $"{Endpoint},{model}",
        _ => throw new TaleForgeException($"--endpoint {Endpoint} needs --api-model NAME: the model the server should run (its /v1/models lists them)."),
    };

    /// <summary>The endpoint a source names ("URL,MODEL"), with these settings' key variable, limit and context.</summary>
    public RemoteEndpoint EndpointFor(string source, string what)
    {
        ArgumentNullException.ThrowIfNull(source);
        return RemoteEndpoint.Parse(source, what) with
        {
            KeyVariable = KeyVariable,
            MaxConcurrency = MaxConcurrency,
            ContextTokens = ContextTokens,
        };
    }

    /// <summary>Reads endpoint, api_model, narrator_endpoint, api_key_env, max_concurrency, api_ctx_size and a character_endpoints mapping (id: URL,MODEL).</summary>
    public RemoteSettings WithConfigFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ConfigFile.Read(path) is not { } root)
        {
            return this;
        }
        string? Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
        var characters = root.Children.TryGetValue(new YamlScalarNode("character_endpoints"), out var mapping) && mapping is YamlMappingNode map
            ? map.Children.Select(p => $"{(p.Key as YamlScalarNode)?.Value}={(p.Value as YamlScalarNode)?.Value}").ToList()
            : null;
        return With(Scalar, path) with { CharacterEndpoints = characters ?? CharacterEndpoints };
    }

    /// <summary>Reads TALEFORGE_ENDPOINT, TALEFORGE_API_MODEL, TALEFORGE_API_KEY_ENV, TALEFORGE_MAX_CONCURRENCY, ...</summary>
    public RemoteSettings WithEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return With(key => variable("TALEFORGE_" + key.ToUpperInvariant()), "the environment");
    }

    private RemoteSettings With(Func<string, string?> read, string source)
    {
        int? Count(string key) => read(key) is { Length: > 0 } text
            ? int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
                : throw new TaleForgeException($"{key} in {source} must be a whole number of at least 1, not '{text}'.")
            : null;
        return this with
        {
            Endpoint = read("endpoint") is { Length: > 0 } endpoint ? endpoint : Endpoint,
            ApiModel = read("api_model") is { Length: > 0 } model ? model : ApiModel,
            NarratorEndpoint = read("narrator_endpoint") is { Length: > 0 } narrator ? narrator : NarratorEndpoint,
            KeyVariable = read("api_key_env") is { Length: > 0 } key ? key : KeyVariable,
            MaxConcurrency = Count("max_concurrency") ?? MaxConcurrency,
            ContextTokens = Count("api_ctx_size") ?? ContextTokens,
        };
    }
}
