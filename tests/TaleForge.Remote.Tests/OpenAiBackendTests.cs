using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;
using TaleForge.Inference.Structured;

namespace TaleForge.Remote.Tests;

/// <summary>The OpenAI-compatible backend against stand-in servers on loopback: what it sends, retries and refuses.</summary>
public sealed class OpenAiBackendTests
{
    private const string ValidGreeting = """{"speaker":"Maud","line":"The lamps are lit.","mood":"calm"}""";

    private static readonly ChatMessage[] Prompt = [new(ChatRole.System, "You are Maud."), new(ChatRole.User, "Greet the traveller.")];

    private static OpenAiBackend BackendFor(StandInServer server, string model = "served-model", int concurrency = 4, string? key = null) =>
        new(new RemoteEndpoint { Url = server.Address, Model = model, MaxConcurrency = concurrency, KeyVariable = "TEST_KEY" },
            name => name == "TEST_KEY" ? key : null, new EndpointGate(concurrency));

    [Fact]
    public async Task A_typed_request_sends_the_schema_nested_under_json_schema_with_the_seed_and_sampling_but_no_llama_only_fields()
    {
        await using var server = await StandInServer.StartAsync((c, _, _) => StandInServer.Reply(c, StandInServer.Completion(ValidGreeting)));
        using var backend = BackendFor(server);
        var options = Sampling.Default.ToChatOptions();
        options.Seed = 1234;
        options.MaxOutputTokens = 100;

        var result = await new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt, options);

        Assert.True(result.Succeeded, result.Error);
        var body = Assert.Single(server.Bodies);
        Assert.Equal("served-model", body.GetProperty("model").GetString());
        Assert.Equal(1234, body.GetProperty("seed").GetInt64());
        Assert.Equal(0.8, body.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(0.95, body.GetProperty("top_p").GetDouble(), 3);
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var schema = format.GetProperty("json_schema").GetProperty("schema");
        Assert.Equal(20, schema.GetProperty("properties").GetProperty("speaker").GetProperty("maxLength").GetInt32());
        Assert.False(format.GetProperty("json_schema").TryGetProperty("strict", out var strict) && strict.GetBoolean());
        Assert.DoesNotContain(body.EnumerateObject(), p => p.Name.StartsWith("llama.", StringComparison.Ordinal) || p.Name == "taleforge.gbnf");
        Assert.Equal(11, result.InputTokens);
        Assert.Equal(7, result.OutputTokens);
    }

    [Fact]
    public async Task A_server_answering_429_then_500_is_retried_until_it_succeeds_within_one_attempt()
    {
        await using var server = await StandInServer.StartAsync((c, number, _) => number switch
        {
            1 => StandInServer.Reply(c, """{"error":{"message":"slow down"}}""", StatusCodes.Status429TooManyRequests),
            2 => StandInServer.Reply(c, """{"error":{"message":"boom"}}""", StatusCodes.Status500InternalServerError),
            _ => StandInServer.Reply(c, StandInServer.Completion(ValidGreeting)),
        });
        using var backend = BackendFor(server);

        var result = await new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, server.Requests);
        Assert.Single(result.Attempts);
        Assert.Equal("Maud", result.Value.Speaker);
    }

    [Fact]
    public async Task A_server_that_keeps_failing_becomes_a_model_error_after_the_retries_not_a_crash()
    {
        await using var server = await StandInServer.StartAsync((c, _, _) => StandInServer.Reply(c, """{"error":{"message":"down"}}""", StatusCodes.Status503ServiceUnavailable));
        using var backend = new OpenAiBackend(new RemoteEndpoint { Url = server.Address, Model = "m", MaxRetries = 2 }, _ => null, new EndpointGate(1));

        var result = await new TypedRequest<Greeting>(backend.Client, new TypedRequestOptions { MaxAttempts = 1 }).SendAsync(Prompt);

        Assert.False(result.Succeeded);
        Assert.Equal(ReplyFailure.ModelError, Assert.Single(result.Attempts).Failure);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A_server_that_ignores_the_schema_has_its_replies_refused_re_asked_and_counted()
    {
        string[] replies = ["Good evening, traveller!", """{"speaker":"Maud","line":"Hello"}""", ValidGreeting];
        await using var server = await StandInServer.StartAsync((c, number, _) => StandInServer.Reply(c, StandInServer.Completion(replies[number - 1])));
        using var backend = BackendFor(server);

        var result = await new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([ReplyFailure.NotJson, ReplyFailure.SchemaViolation, ReplyFailure.None], result.Attempts.Select(a => a.Failure));
        Assert.Equal(2, result.FormatFailures);
        var reask = server.Bodies.Last().GetProperty("messages");
        Assert.Contains("invalid because", reask[reask.GetArrayLength() - 1].GetProperty("content").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_longer_than_the_schema_allows_are_refused_even_when_the_server_let_them_through()
    {
        var tooLong = JsonSerializer.Serialize(new { speaker = new string('M', 30), line = "Hi", mood = "calm" });
        await using var server = await StandInServer.StartAsync((c, _, _) => StandInServer.Reply(c, StandInServer.Completion(tooLong)));
        using var backend = BackendFor(server);

        var result = await new TypedRequest<Greeting>(backend.Client, new TypedRequestOptions { MaxAttempts = 2 }).SendAsync(Prompt);

        Assert.False(result.Succeeded);
        Assert.All(result.Attempts, a => Assert.Equal(ReplyFailure.SchemaViolation, a.Failure));
        Assert.Equal(2, result.FormatFailures);
    }

    [Fact]
    public async Task No_more_requests_than_the_endpoints_limit_are_in_flight_at_once()
    {
        var inFlight = 0;
        var most = 0;
        await using var server = await StandInServer.StartAsync(async (c, _, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(60);
            Interlocked.Decrement(ref inFlight);
            await StandInServer.Reply(c, StandInServer.Completion(ValidGreeting));
        });
        using var backend = BackendFor(server, concurrency: 2);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(8, server.Requests);
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task Cancelling_a_request_in_flight_ends_it_promptly_with_the_callers_cancellation()
    {
        var started = new TaskCompletionSource();
        await using var server = await StandInServer.StartAsync(async (c, _, _) =>
        {
            started.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
        });
        using var backend = BackendFor(server);
        using var cancel = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        var request = new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt, cancellationToken: cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task The_key_is_read_from_the_named_variable_and_sent_as_a_bearer_token_but_never_recorded()
    {
        await using var server = await StandInServer.StartAsync((c, _, _) => StandInServer.Reply(c, StandInServer.Completion(ValidGreeting)));
        using var backend = BackendFor(server, key: "sk-secret-123");

        await backend.Client.GetResponseAsync(Prompt);
        var reference = await backend.ReferenceAsync();

        Assert.Equal("Bearer sk-secret-123", Assert.Single(server.Authorizations));
        Assert.DoesNotContain("sk-secret", JsonSerializer.Serialize(reference), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", JsonSerializer.Serialize(backend.Endpoint), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_records_the_endpoint_the_model_id_the_server_reports_and_that_reruns_may_differ()
    {
        await using var server = await StandInServer.StartAsync((c, _, _) => StandInServer.Reply(c, StandInServer.Completion(ValidGreeting)),
            """{"object":"list","data":[{"id":"/models/qwen2.5-7b-instruct-q8_0.gguf","object":"model"}]}""");
        using var backend = BackendFor(server, model: "qwen");

        var reference = await backend.ReferenceAsync();

        Assert.Equal("/models/qwen2.5-7b-instruct-q8_0.gguf", reference.Model);
        Assert.Equal(server.Address.AbsoluteUri, reference.Endpoint);
        Assert.Equal("qwen", reference.Settings["requested_model"]);
        Assert.Equal("not promised identical", reference.Settings["reruns"]);
        Assert.False(backend.Capabilities.Deterministic);
        Assert.False(backend.Capabilities.ConstrainedOutput);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
