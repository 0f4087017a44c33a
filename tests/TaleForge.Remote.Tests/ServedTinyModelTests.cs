using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;
using TaleForge.Inference.Structured;
using TaleForge.Server;

namespace TaleForge.Remote.Tests;

/// <summary>
/// The OpenAI-compatible backend against <c>taleforge serve</c> on a free loopback port, with the tiny random model
/// behind it: typed replies, streaming, cancellation and concurrent requests, end to end over HTTP.
/// </summary>
[NeedsNativeLibrary]
public sealed class ServedTinyModelTests : IClassFixture<ServedTinyModelTests.Served>
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.System, "You are Maud, the lamp keeper."), new(ChatRole.User, "Greet the traveller.")];

    private readonly Served _served;

    public ServedTinyModelTests(Served served) => _served = served;

    public sealed class Served : IAsyncLifetime
    {
        public ChatServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await ChatServer.StartAsync(new ServerOptions { ModelPath = TinyModels.SharedPath, Port = 0, ContextSize = 8192, Parallel = 4 });
            await Server.Loaded;
        }

        public Task DisposeAsync() => Server.DisposeAsync().AsTask();

        public OpenAiBackend Backend(int concurrency = 4) =>
            new(new RemoteEndpoint { Url = Server.Address, Model = "tiny" }, _ => null, new EndpointGate(concurrency));
    }

    private static ChatOptions Seeded(long seed, int maxTokens = 64)
    {
        var options = Sampling.Default.ToChatOptions();
        options.Seed = seed;
        options.MaxOutputTokens = maxTokens;
        return options;
    }

    [Fact]
    public async Task A_repeated_prompt_is_reported_cached_in_its_usage_and_in_the_served_totals()
    {
        using var backend = _served.Backend(concurrency: 1);
        var before = await ServedAsync();

        var first = (await backend.Client.GetResponseAsync(Prompt, Seeded(7, 8))).Usage!;
        var second = (await backend.Client.GetResponseAsync(Prompt, Seeded(8, 8))).Usage!;
        var after = await ServedAsync();

        // All of the prompt but its last token (whose logits are needed again) comes from the first request's cells.
        Assert.Equal(second.InputTokenCount - 1, second.CachedInputTokenCount);
        Assert.Equal(before.Requests + 2, after.Requests);
        Assert.Equal(before.Prompt + first.InputTokenCount + second.InputTokenCount, after.Prompt);
        Assert.Equal(before.Cached + (first.CachedInputTokenCount ?? 0) + second.CachedInputTokenCount, after.Cached);
        Assert.Equal(before.Completion + first.OutputTokenCount + second.OutputTokenCount, after.Completion);
    }

    private async Task<(long Requests, long Prompt, long Cached, long Completion)> ServedAsync()
    {
        using var http = new HttpClient();
        using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(_served.Server.Address, "/health")));
        var served = health.RootElement.GetProperty("served");
        return (served.GetProperty("requests").GetInt64(), served.GetProperty("prompt_tokens").GetInt64(),
            served.GetProperty("cached_prompt_tokens").GetInt64(), served.GetProperty("completion_tokens").GetInt64());
    }

    [Fact]
    public async Task A_typed_request_over_http_gets_a_reply_the_schema_accepts_with_usage()
    {
        using var backend = _served.Backend();

        var result = await new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt, Seeded(5, 200));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.FormatFailures);
        Assert.True(result.InputTokens > 10);
        Assert.True(result.OutputTokens > 0);
        Assert.Equal("tiny.gguf", (await backend.ReferenceAsync()).Model);
    }

    [Fact]
    public async Task Streaming_yields_the_same_text_as_one_reply_with_the_same_seed_in_several_pieces()
    {
        using var backend = _served.Backend();

        var whole = await backend.Client.GetResponseAsync(Prompt, Seeded(9));
        var pieces = new List<string>();
        await foreach (var update in backend.Client.GetStreamingResponseAsync(Prompt, Seeded(9)))
        {
            if (update.Text.Length > 0)
            {
                pieces.Add(update.Text);
            }
        }

        Assert.True(pieces.Count > 1, $"{pieces.Count} pieces");
        Assert.Equal(whole.Text, string.Concat(pieces));
    }

    [Fact]
    public async Task Four_concurrent_typed_requests_are_all_answered_and_parse()
    {
        using var backend = _served.Backend();

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(seed =>
            new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt, Seeded(seed, 200))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
    }

    [Fact]
    public async Task Cancelling_a_stream_stops_it_and_the_server_frees_its_slot()
    {
        using var backend = _served.Backend();
        using var cancel = new CancellationTokenSource();
        var pieces = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in backend.Client.GetStreamingResponseAsync(Prompt, Seeded(3, 2000), cancel.Token))
            {
                if (++pieces == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        using var http = new HttpClient();
        var requests = -1;
        for (var i = 0; i < 50 && requests != 0; i++)
        {
            using var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(_served.Server.Address, "/health")));
            requests = health.RootElement.GetProperty("requests").GetInt32();
            await Task.Delay(100);
        }
        Assert.Equal(0, requests);
        Assert.True(pieces < 2000);
    }
}
