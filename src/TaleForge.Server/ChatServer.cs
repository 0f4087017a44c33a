using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaleForge.Core;
using TaleForge.Inference.Backends;
using TaleForge.LlamaCpp.Backends;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.Server;

/// <summary>
/// The OpenAI-compatible server: listens at once and loads the model behind it (503 until loaded), then answers
/// <c>/v1/chat/completions</c> through the llama backend, whose scheduler batches concurrent requests. Disposing
/// it stops listening and unloads the model.
/// </summary>
public sealed class ChatServer : IAsyncDisposable
{
    private readonly ServerOptions _options;
    private readonly WebApplication _app;
    private readonly RequestLimit _limit;
    private readonly ServedTotals _totals = new();
    private readonly Task<IModelBackend> _loading;
    private readonly CancellationTokenSource _stopping = new();

    private ChatServer(ServerOptions options, WebApplication app, Func<CancellationToken, Task<IModelBackend>> load)
    {
        _options = options;
        _app = app;
        _limit = new RequestLimit(options.MaxRequests);
        ModelId = options.ModelId ?? Path.GetFileName(options.ModelPath);
        _loading = load(_stopping.Token);
        Map(app);
    }

    /// <summary>The id <c>/v1/models</c> lists.</summary>
    public string ModelId { get; }

    /// <summary>Where it listens, as a client's base address (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/v1");

    /// <summary>Completes when the model is loaded; faults with the reason it could not be.</summary>
    public Task Loaded => _loading;

    /// <summary>Starts listening and loading <see cref="ServerOptions.ModelPath"/> with the llama backend.</summary>
    public static Task<ChatServer> StartAsync(ServerOptions options, IProgress<float>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var llama = new LlamaChatClientOptions
        {
            ContextSize = options.ContextSize,
            GpuLayers = options.GpuLayers,
            MaxSequences = options.Parallel,
        };
        if (options.Threads is { } threads)
        {
            llama = llama with { Threads = threads };
        }
        return StartAsync(options, async stop =>
            await LlamaBackend.LoadAsync(options.ModelPath, llama, options.Threads is not null, progress, stop).ConfigureAwait(false), cancellation);
    }

    /// <summary>Starts listening, serving whatever backend <paramref name="load"/> gives (a stand-in, in tests).</summary>
    public static async Task<ChatServer> StartAsync(ServerOptions options, Func<CancellationToken, Task<IModelBackend>> load, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(load);
        if (!IPAddress.TryParse(options.Host, out var host) && options.Host != "localhost")
        {
            throw new TaleForgeException($"--host must be an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every interface), not '{options.Host}'.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequests, 1);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Listen(host ?? IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        var server = new ChatServer(options, app, load);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new TaleForgeException($"Cannot listen on {options.Host}:{options.Port} ({error.Message}); pick another --port or stop what holds it.", error);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                if (context.Request.Path.StartsWithSegments("/v1") && !KeyAccepted(context.Request))
                {
                    throw new ApiError(StatusCodes.Status401Unauthorized, "authentication_error", "Missing or wrong API key: send it as 'Authorization: Bearer KEY'.");
                }
                await next(context).ConfigureAwait(false);
            }
            catch (ApiError error) when (!context.Response.HasStarted)
            {
                await error.WriteAsync(context.Response).ConfigureAwait(false);
            }
            catch (BadHttpRequestException error) when (!context.Response.HasStarted)
            {
                var type = error.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request_too_large" : "invalid_request_error";
                await new ApiError(error.StatusCode, type, error.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? $"The request body is larger than this server accepts ({_options.MaxRequestBytes} bytes)."
                    : error.Message).WriteAsync(context.Response).ConfigureAwait(false);
            }
        });
        app.MapGet("/health", Health);
        app.MapGet("/v1/models", Models);
        app.MapPost("/v1/chat/completions", CompleteAsync);
    }

    private bool KeyAccepted(HttpRequest request)
    {
        if (_options.ApiKey is not { Length: > 0 } key)
        {
            return true;
        }
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(header["Bearer ".Length..]), System.Text.Encoding.UTF8.GetBytes(key));
    }

    private async Task Health(HttpContext context)
    {
        var (status, text) = _loading.Status switch
        {
            TaskStatus.RanToCompletion => (StatusCodes.Status200OK, "ok"),
            TaskStatus.Faulted or TaskStatus.Canceled => (StatusCodes.Status500InternalServerError, "failed"),
            _ => (StatusCodes.Status503ServiceUnavailable, "loading model"),
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", text);
        json.WriteNumber("requests", _limit.Current);
        _totals.Write(json);
        json.WriteEndObject();
    }

    private async Task Models(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        json.WriteStartObject();
        json.WriteString("id", ModelId);
        json.WriteString("object", "model");
        json.WriteString("owned_by", "taleforge");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private async Task CompleteAsync(HttpContext context)
    {
        var backend = await LoadedBackendAsync().ConfigureAwait(false);
        using var slot = _limit.Enter();
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException error)
        {
            throw ApiError.BadRequest($"The request body is not JSON ({error.Message}).");
        }
        using (body)
        {
            var request = CompletionRequest.Read(body.RootElement);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            var reply = new CompletionReply(context.Response, ModelId);
            try
            {
                if (request.Stream)
                {
                    _totals.Add(await reply.StreamAsync(backend.Client.GetStreamingResponseAsync(request.Messages, request.Options, both.Token), both.Token).ConfigureAwait(false));
                }
                else
                {
                    var response = await backend.Client.GetResponseAsync(request.Messages, request.Options, both.Token).ConfigureAwait(false);
                    await reply.WriteAsync(response).ConfigureAwait(false);
                    _totals.Add(response.Usage);
                }
            }
            catch (Exception error) when (error is TaleForgeException or ArgumentException && !context.Response.HasStarted)
            {
                // The prompt does not fit the context, or an option is out of range: the client's to fix.
                throw ApiError.BadRequest(error.Message);
            }
        }
    }

    private async Task<IModelBackend> LoadedBackendAsync()
    {
        if (!_loading.IsCompleted)
        {
            throw new ApiError(StatusCodes.Status503ServiceUnavailable, "unavailable_error", "The model is still loading; retry shortly (GET /health says when it is ready).");
        }
        if (!_loading.IsCompletedSuccessfully)
        {
            throw new ApiError(StatusCodes.Status500InternalServerError, "server_error",
                $"The model could not be loaded: {_loading.Exception?.GetBaseException().Message ?? "loading was cancelled"}.");
        }
        return await _loading.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        try
        {
            (await _loading.ConfigureAwait(false)).Dispose();
        }
        catch (Exception error) when (error is OperationCanceledException or TaleForgeException)
        {
            // Loading was stopped or had failed: nothing to unload.
        }
        _stopping.Dispose();
    }
}
