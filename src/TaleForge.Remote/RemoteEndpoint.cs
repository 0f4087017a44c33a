using System.Globalization;
using TaleForge.Core;

namespace TaleForge.Remote;

/// <summary>
/// A model served over an OpenAI-compatible HTTP API, and how to talk to it. The API key is never held here, only
/// the name of the environment variable that has it, so a settings record can be logged or written without it.
/// </summary>
public sealed record RemoteEndpoint
{
    /// <summary>The variable the key is read from unless another is named.</summary>
    public const string DefaultKeyVariable = "OPENAI_API_KEY";

    /// <summary>The API's base address, ending in <c>/v1</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>The model the requests name (a served model id, an Ollama tag, a file alias).</summary>
    public required string Model { get; init; }

    public string KeyVariable { get; init; } = DefaultKeyVariable;

    /// <summary>Requests in flight at once to this endpoint; four suits a local server with four slots.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>How long one attempt may take: long generations on a busy server take minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries after 408, 429, 5xx or a timeout, with exponential backoff (the client library's own policy).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The context one request may fill on the server, prompt and reply together.</summary>
    public int ContextTokens { get; init; } = 8192;

    /// <summary>Whether <paramref name="source"/> names an endpoint ("http://host:port/v1,MODEL") rather than a file.</summary>
    public static bool IsEndpoint(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads "URL,MODEL" (the form --character-endpoint and the config file take).</summary>
    public static RemoteEndpoint Parse(string source, string what)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        var comma = source.LastIndexOf(',');
        if (comma <= 0 || comma == source.Length - 1)
        {
            throw new TaleForgeException(
                $"{what} takes URL,MODEL (e.g. http://127.0.0.1:8080/v1,qwen2.5-7b), not '{source}'.");
        }
        return new RemoteEndpoint { Url = BaseUrl(source[..comma], what), Model = source[(comma + 1)..].Trim() };
    }

    /// <summary>
    /// The API's base address from what a user typed: http or https, no user name or password in it (a key
    /// belongs in the environment), and <c>/v1</c> added when no path is given.
    /// </summary>
    public static Uri BaseUrl(string url, string what)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new TaleForgeException($"{what}: '{url}' is not an http:// or https:// address; give the server's base URL, e.g. http://127.0.0.1:8080/v1.");
        }
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0)
        {
            throw new TaleForgeException($"{what}: the address carries a user name or a query; put the API key in an environment variable and name it with --api-key-env.");
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        return new UriBuilder(uri) { Path = path.Length == 0 ? "/v1" : path }.Uri;
    }

    /// <summary>"URL,MODEL", the form <see cref="Parse"/> reads, for keys and messages.</summary>
    public string Source => string.Create(CultureInfo.InvariantCulture, $"{Url.AbsoluteUri},{Model}");
}
