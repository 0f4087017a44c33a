using System.CommandLine;
using TaleForge.Core;
using TaleForge.Remote;

namespace TaleForge.Cli.Models;

/// <summary>
/// The options that put roles on an OpenAI-compatible endpoint (vLLM, llama-server, Ollama, <c>taleforge serve</c>),
/// beside the local-file options of <see cref="ModelOptions"/>; a role may be local and another remote.
/// </summary>
internal sealed class RemoteOptions
{
    private readonly Option<string?> _endpoint = new("--endpoint") { Description = "OpenAI-compatible base URL for the characters (and the narrator unless it has its own), e.g. http://127.0.0.1:8080/v1." };
    private readonly Option<string?> _apiModel = new("--api-model") { Description = "The model --endpoint serves, by the name the server knows it." };
    private readonly Option<string?> _narratorEndpoint = new("--narrator-endpoint") { Description = "URL,MODEL: an endpoint for the narrator." };
    private readonly Option<string[]> _characterEndpoint = new("--character-endpoint") { Description = "ID=URL,MODEL: an endpoint for one character (repeatable).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _keyVariable = new("--api-key-env") { Description = $"Environment variable holding the endpoints' API key (default {RemoteEndpoint.DefaultKeyVariable}); the key is never recorded." };
    private readonly Option<int?> _maxConcurrency = new("--max-concurrency") { Description = "Requests in flight to one endpoint at once (default 4)." };
    private readonly Option<int?> _apiContext = new("--api-ctx-size") { Description = "Context of one request on the endpoint, in tokens (default 8192); prompts are cut to fit it." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(_endpoint);
        command.Add(_apiModel);
        command.Add(_narratorEndpoint);
        command.Add(_characterEndpoint);
        command.Add(_keyVariable);
        command.Add(_maxConcurrency);
        command.Add(_apiContext);
    }

    /// <summary>Defaults, then <paramref name="configPath"/>, then TALEFORGE_* variables, then flags.</summary>
    public RemoteSettings Settings(ParseResult parse, string configPath)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = new RemoteSettings().WithConfigFile(configPath).WithEnvironment(Environment.GetEnvironmentVariable);
        var characters = parse.GetValue(_characterEndpoint) ?? [];
        var result = settings with
        {
            Endpoint = parse.GetValue(_endpoint) ?? settings.Endpoint,
            ApiModel = parse.GetValue(_apiModel) ?? settings.ApiModel,
            NarratorEndpoint = parse.GetValue(_narratorEndpoint) ?? settings.NarratorEndpoint,
            CharacterEndpoints = characters.Length > 0 ? characters : settings.CharacterEndpoints,
            KeyVariable = parse.GetValue(_keyVariable) ?? settings.KeyVariable,
            MaxConcurrency = parse.GetValue(_maxConcurrency) ?? settings.MaxConcurrency,
            ContextTokens = parse.GetValue(_apiContext) ?? settings.ContextTokens,
        };
        if (result.MaxConcurrency < 1 || result.ContextTokens < 256)
        {
            throw new TaleForgeException($"--max-concurrency must be at least 1 and --api-ctx-size at least 256 (given {result.MaxConcurrency} and {result.ContextTokens}).");
        }
        if (parse.GetValue(_apiModel) is not null && result.Endpoint is null)
        {
            throw new TaleForgeException("--api-model names the model of --endpoint; give --endpoint URL too.");
        }
        return result;
    }
}
