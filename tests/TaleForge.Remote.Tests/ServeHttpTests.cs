using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TaleForge.Inference.Fakes;
using TaleForge.Server;

namespace TaleForge.Remote.Tests;

/// <summary>
/// <c>taleforge serve</c>'s HTTP side with a callback model behind it: health while loading, the key check, and the
/// clear JSON errors (400, 401, 413, 429, 503) clients get instead of a hang or an unconstrained reply.
/// </summary>
public sealed class ServeHttpTests
{
    private static readonly ServerOptions Options = new() { ModelPath = "stand-in.gguf", Port = 0 };

    private static Task<ChatServer> ServeAsync(ServerOptions options, Func<string>? reply = null) =>
        ChatServer.StartAsync(options, _ => Task.FromResult<Inference.Backends.IModelBackend>(
            new CallbackBackend(new CallbackChatClient((_, _) => reply?.Invoke() ?? """{"ok":true}"""))));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private const string Hello = """{"model":"any","messages":[{"role":"user","content":"hello"}]}""";

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient http, ChatServer server, string json)
    {
        using var response = await http.PostAsync(new Uri(server.Address + "/chat/completions"), Json(json));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.Clone());
    }

    [Fact]
    public async Task While_the_model_loads_health_and_completions_answer_503_then_200_once_loaded()
    {
        var loaded = new TaskCompletionSource<Inference.Backends.IModelBackend>();
        await using var server = await ChatServer.StartAsync(Options, _ => loaded.Task);
        using var http = new HttpClient();

        var health = await http.GetAsync(new Uri(server.Address, "/health"));
        var (status, body) = await PostAsync(http, server, Hello);
        loaded.SetResult(new CallbackBackend(new CallbackChatClient((_, _) => "hi")));
        var ready = await http.GetAsync(new Uri(server.Address, "/health"));
        var (after, reply) = await PostAsync(http, server, Hello);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("still loading", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal("hi", reply.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Models_lists_the_served_model_by_its_file_name()
    {
        await using var server = await ServeAsync(Options);
        using var http = new HttpClient();

        using var models = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.Address + "/models")));

        Assert.Equal("stand-in.gguf", models.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"messages":[]}""", "'messages' must be a non-empty array")]
    [InlineData("""{"messages":[{"role":"tool","content":"x"}]}""", "role must be system, user or assistant")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"schema":{"type":"string","pattern":"(?<=a)b"}}}}""", "schema cannot be enforced")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"x"}}}""", "json_schema.schema")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"grammar":"root ::= (("}""", "grammar cannot be enforced")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"max_tokens":0}""", "'max_tokens' must be")]
    [InlineData("not json", "not JSON")]
    public async Task A_bad_request_is_answered_400_with_a_json_error_saying_what_is_wrong(string json, string expected)
    {
        await using var server = await ServeAsync(Options);
        using var http = new HttpClient();

        var (status, body) = await PostAsync(http, server, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_answered_413()
    {
        await using var server = await ServeAsync(Options with { MaxRequestBytes = 1024 });
        using var http = new HttpClient();

        var (status, body) = await PostAsync(http, server, $$"""{"messages":[{"role":"user","content":"{{new string('x', 4000)}}"}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("1024 bytes", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_key_set_requests_without_it_are_answered_401_and_with_it_served()
    {
        await using var server = await ServeAsync(Options with { ApiKey = "sk-local" });
        using var http = new HttpClient();

        var (without, _) = await PostAsync(http, server, Hello);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-local");
        var (with, _) = await PostAsync(http, server, Hello);

        Assert.Equal(HttpStatusCode.Unauthorized, without);
        Assert.Equal(HttpStatusCode.OK, with);
    }

    [Fact]
    public async Task Past_the_request_limit_a_request_is_answered_429_at_once()
    {
        var release = new TaskCompletionSource<string>();
        var started = new TaskCompletionSource();
        await using var server = await ChatServer.StartAsync(Options with { MaxRequests = 1 }, _ => Task.FromResult<Inference.Backends.IModelBackend>(
            new CallbackBackend(new CallbackChatClient((_, _, _) => { started.TrySetResult(); return release.Task; }))));
        using var http = new HttpClient();

        var first = PostAsync(http, server, Hello);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var (second, body) = await PostAsync(http, server, Hello);
        release.SetResult("done");

        Assert.Equal(HttpStatusCode.TooManyRequests, second);
        Assert.Contains("retry", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await first).Status);
    }

    [Fact]
    public async Task The_request_options_reach_the_model_seed_max_tokens_temperature_top_p_stop_and_schema()
    {
        var client = new CallbackChatClient((_, _) => """{"ok":true}""");
        await using var server = await ChatServer.StartAsync(Options, _ => Task.FromResult<Inference.Backends.IModelBackend>(new CallbackBackend(client)));
        using var http = new HttpClient();

        var (status, body) = await PostAsync(http, server, """
            {"messages":[{"role":"system","content":"be brief"},{"role":"user","content":[{"type":"text","text":"hi"}]}],
             "seed":77,"max_tokens":12,"temperature":0.5,"top_p":0.9,"stop":["\n"],
             "response_format":{"type":"json_schema","json_schema":{"name":"r","schema":{"type":"object","properties":{"ok":{"type":"boolean"}},"required":["ok"]}}}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.Equal("""{"ok":true}""", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        var call = Assert.Single(client.Calls);
        Assert.Equal(["be brief", "hi"], call.Messages.Select(m => m.Text));
        Assert.Equal(77, call.Options?.Seed);
        Assert.Equal(12, call.Options?.MaxOutputTokens);
        Assert.Equal(0.5f, call.Options?.Temperature);
        Assert.Equal(0.9f, call.Options?.TopP);
        Assert.Equal(["\n"], call.Options?.StopSequences);
        var format = Assert.IsType<Microsoft.Extensions.AI.ChatResponseFormatJson>(call.Options?.ResponseFormat);
        Assert.Equal("boolean", format.Schema?.GetProperty("properties").GetProperty("ok").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_grammar_field_travels_as_the_raw_grammar_and_json_object_as_plain_json()
    {
        var client = new CallbackChatClient((_, _) => "yes");
        await using var server = await ChatServer.StartAsync(Options, _ => Task.FromResult<Inference.Backends.IModelBackend>(new CallbackBackend(client)));
        using var http = new HttpClient();

        await PostAsync(http, server, """{"messages":[{"role":"user","content":"?"}],"grammar":"root ::= \"yes\" | \"no\""}""");
        await PostAsync(http, server, """{"messages":[{"role":"user","content":"?"}],"response_format":{"type":"json_object"}}""");

        Assert.True(Inference.GrammarOptions.TryGetGrammar(client.Calls[0].Options, out var grammar));
        Assert.Equal("root ::= \"yes\" | \"no\"", grammar);
        var json = Assert.IsType<Microsoft.Extensions.AI.ChatResponseFormatJson>(client.Calls[1].Options?.ResponseFormat);
        Assert.Null(json.Schema);
    }
}
