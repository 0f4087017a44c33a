using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.AI;
using OpenAI;
using TaleForge.Inference.Backends;

namespace TaleForge.Remote;

/// <summary>
/// A model behind an OpenAI-compatible endpoint (vLLM, llama-server, Ollama, <c>taleforge serve</c>, OpenAI), as the
/// engine sees a backend. Typed replies go out as <c>response_format</c> json_schema; since servers fall back to
/// unconstrained output on schema features they skip, nothing here promises a reply parses: the typed request
/// checks every reply against the schema itself and re-asks. Seeds are sent, but no server promises the same
/// reply twice (batching, GPU kernels), so the backend reports itself as not deterministic.
/// </summary>
public sealed class OpenAiBackend : IModelBackend
{
    private readonly RemoteEndpoint _endpoint;
    private readonly OpenAIClient _api;
    private readonly IChatClient _client;
    private Task<BackendReference>? _reference;

    /// <param name="environment">Where the key variable is read (the process environment in the executable).</param>
    public OpenAiBackend(RemoteEndpoint endpoint, Func<string, string?> environment, EndpointGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(environment);
        _endpoint = endpoint;
        // Local servers need no key, but the client library refuses an empty one.
        var key = environment(endpoint.KeyVariable) is { Length: > 0 } value ? value : "no-key";
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.Url,
            NetworkTimeout = endpoint.Timeout,
            // The library's own policy is the one retry mechanism: 408, 429, 500, 502, 503, 504 and timeouts,
            // with exponential backoff that honours the server's retry-after.
            RetryPolicy = new ClientRetryPolicy(endpoint.MaxRetries),
        };
        _api = new OpenAIClient(new ApiKeyCredential(key), options);
        gate ??= EndpointGate.For(endpoint.Url, endpoint.MaxConcurrency);
        _client = new ChatClientBuilder(_api.GetChatClient(endpoint.Model).AsIChatClient())
            .Use(inner => new WireOptions(inner))
            .Use(gate.Wrap)
            .Build();
    }

    public IChatClient Client => _client;

    public RemoteEndpoint Endpoint => _endpoint;

    /// <summary>The server's tokenizer is out of reach: a cautious estimate, one token per three UTF-8 bytes.</summary>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (System.Text.Encoding.UTF8.GetByteCount(text) + 2) / 3;
    }

    public int ContextTokens => _endpoint.ContextTokens;

    public BackendCapabilities Capabilities { get; } = new(ConstrainedOutput: false, Seeds: true, Deterministic: false);

    public Task<BackendReference> ReferenceAsync(CancellationToken cancellation = default) =>
        _reference ??= DescribeAsync(cancellation);

    /// <summary>The model id the server reports (from <c>/v1/models</c>), which may differ from the name asked for.</summary>
    private async Task<BackendReference> DescribeAsync(CancellationToken cancellation)
    {
        var served = await ServedModelAsync(cancellation).ConfigureAwait(false);
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["max_concurrency"] = _endpoint.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["reruns"] = "not promised identical",
        };
        if (served != _endpoint.Model)
        {
            settings["requested_model"] = _endpoint.Model;
        }
        return new BackendReference
        {
            Model = served,
            Backend = "OpenAI-compatible endpoint",
            Endpoint = _endpoint.Url.AbsoluteUri,
            Settings = settings.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }

    private async Task<string> ServedModelAsync(CancellationToken cancellation)
    {
        try
        {
            var models = (await _api.GetOpenAIModelClient().GetModelsAsync(cancellation).ConfigureAwait(false)).Value;
            var ids = models.Select(m => m.Id).ToList();
            // A server with one model (llama-server, taleforge serve) serves it whatever name is asked for.
            return ids.Contains(_endpoint.Model, StringComparer.Ordinal) ? _endpoint.Model
                : ids.Count == 1 ? ids[0]
                : _endpoint.Model;
        }
        catch (ClientResultException)
        {
            // Not every server lists its models; the name asked for is then the best record there is.
            return _endpoint.Model;
        }
    }

    public void Dispose() => _client.Dispose();
}
