using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TaleForge.Remote.Tests;

/// <summary>
/// A stand-in for an OpenAI-compatible server on a free loopback port: every chat request is recorded (body and
/// headers) and answered by a callback given the request's number, so a test scripts 429s, 500s, ignored schemas
/// or a particular engine's reply shape.
/// </summary>
internal sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    public delegate Task Answer(HttpContext context, int number, JsonElement body);

    private StandInServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Bodies { get; } = new();
    public ConcurrentQueue<string> Authorizations { get; } = new();
    public int Requests => Volatile.Read(ref _count);
    public Uri Address { get; private set; } = null!;

    public static async Task<StandInServer> StartAsync(Answer answer, string modelsJson = """{"object":"list","data":[{"id":"served-model","object":"model"}]}""")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new StandInServer(app);
        app.MapGet("/v1/models", (HttpContext c) => Results.Text(modelsJson, "application/json"));
        app.MapPost("/v1/chat/completions", async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            server.Bodies.Enqueue(body.RootElement.Clone());
            server.Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            var number = Interlocked.Increment(ref server._count);
            await answer(context, number, body.RootElement.Clone());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Answers with <paramref name="json"/> as the body and <paramref name="status"/>.</summary>
    public static Task Reply(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        // Tells the client's retry policy to come back at once, so the test does not wait out a real backoff.
        context.Response.Headers["retry-after-ms"] = "1";
        return context.Response.WriteAsync(json);
    }

    /// <summary>A chat.completion whose message content is <paramref name="content"/>.</summary>
    public static string Completion(string content, string model = "served-model") => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1",
        @object = "chat.completion",
        created = 1_700_000_000,
        model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
