using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using TaleForge.Inference.Structured;

namespace TaleForge.Remote.Tests;

/// <summary>
/// Replies in the shapes vLLM, llama-server and Ollama return (their extra fields, whitespace inside the JSON,
/// streamed chunks with the usage last) are read by the backend: text, model id, usage and finish reason.
/// </summary>
public sealed class EngineReplyShapesTests
{
    private static readonly ChatMessage[] Prompt = [new(ChatRole.User, "Greet me.")];

    // vLLM 0.12: nulls for fields it does not fill, an empty tool_calls list, reasoning_content, prompt_logprobs.
    private const string Vllm = """
        {"id":"chatcmpl-9f2c","object":"chat.completion","created":1765000000,"model":"Qwen/Qwen2.5-7B-Instruct",
         "choices":[{"index":0,"message":{"role":"assistant","reasoning_content":null,"content":"{\"speaker\": \"Maud\", \"line\": \"Evening.\", \"mood\": \"calm\"}","tool_calls":[]},
           "logprobs":null,"finish_reason":"stop","stop_reason":null}],
         "service_tier":null,"system_fingerprint":null,
         "usage":{"prompt_tokens":42,"total_tokens":61,"completion_tokens":19,"prompt_tokens_details":null},
         "prompt_logprobs":null,"kv_transfer_params":null}
        """;

    // llama-server: odd whitespace inside grammar-constrained JSON, its timings block, a build fingerprint.
    private const string LlamaServer = """
        {"choices":[{"finish_reason":"stop","index":0,"message":{"role":"assistant","content":"{ \"speaker\" :\"Maud\" ,\"line\":\"Evening.\",  \"mood\":\"calm\"\n}"}}],
         "created":1765000000,"model":"qwen2.5-7b-instruct-q8_0.gguf","system_fingerprint":"b6000-0a1b2c3d","object":"chat.completion",
         "usage":{"completion_tokens":19,"prompt_tokens":42,"total_tokens":61},"id":"chatcmpl-Xk2",
         "timings":{"prompt_n":42,"prompt_ms":31.2,"predicted_n":19,"predicted_ms":210.5,"predicted_per_second":90.3}}
        """;

    // Ollama's OpenAI endpoint: its fingerprint, the model by tag.
    private const string Ollama = """
        {"id":"chatcmpl-123","object":"chat.completion","created":1765000000,"model":"qwen2.5:7b","system_fingerprint":"fp_ollama",
         "choices":[{"index":0,"message":{"role":"assistant","content":"{\"speaker\":\"Maud\",\"line\":\"Evening.\",\"mood\":\"calm\"}"},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":42,"completion_tokens":19,"total_tokens":61}}
        """;

    public static TheoryData<string, string, string> Replies => new()
    {
        { "vLLM", Vllm, "Qwen/Qwen2.5-7B-Instruct" },
        { "llama-server", LlamaServer, "qwen2.5-7b-instruct-q8_0.gguf" },
        { "Ollama", Ollama, "qwen2.5:7b" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task A_reply_in_each_engines_shape_parses_into_the_typed_value_with_usage_and_model(string engine, string reply, string model)
    {
        await using var server = await StandInServer.StartAsync((c, _, _) => StandInServer.Reply(c, reply));
        using var backend = new OpenAiBackend(new RemoteEndpoint { Url = server.Address, Model = model }, _ => null, new EndpointGate(1));

        var result = await new TypedRequest<Greeting>(backend.Client).SendAsync(Prompt);

        Assert.True(result.Succeeded, $"{engine}: {result.Error}");
        Assert.Equal(new Greeting("Maud", "Evening.", Mood.Calm), result.Value);
        Assert.Equal(model, result.Attempts[0].ModelId);
        Assert.Equal(42, result.InputTokens);
        Assert.Equal(19, result.OutputTokens);
    }

    // Streamed: vLLM sends the role first with empty content and the usage in a last chunk with no choices
    // (stream_options.include_usage); llama-server puts finish_reason, usage and timings in its last chunk;
    // Ollama sends a chunk with finish_reason and one more with the usage alone.
    public static TheoryData<string, string[]> Streams => new()
    {
        { "vLLM", [
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"{\"speaker\":\"Ma"},"logprobs":null,"finish_reason":null}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"ud\",\"line\":\"Evening.\",\"mood\":\"calm\"}"},"logprobs":null,"finish_reason":"stop","stop_reason":null}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":42,"total_tokens":61,"completion_tokens":19}}""",
        ] },
        { "llama-server", [
            """{"choices":[{"finish_reason":null,"index":0,"delta":{"role":"assistant","content":null}}],"created":1,"id":"c2","model":"m","system_fingerprint":"b6000","object":"chat.completion.chunk"}""",
            """{"choices":[{"finish_reason":null,"index":0,"delta":{"content":"{\"speaker\":\"Ma"}}],"created":1,"id":"c2","model":"m","system_fingerprint":"b6000","object":"chat.completion.chunk"}""",
            """{"choices":[{"finish_reason":null,"index":0,"delta":{"content":"ud\",\"line\":\"Evening.\",\"mood\":\"calm\"}"}}],"created":1,"id":"c2","model":"m","system_fingerprint":"b6000","object":"chat.completion.chunk"}""",
            """{"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"created":1,"id":"c2","model":"m","system_fingerprint":"b6000","object":"chat.completion.chunk","usage":{"completion_tokens":19,"prompt_tokens":42,"total_tokens":61},"timings":{"predicted_n":19}}""",
        ] },
        { "Ollama", [
            """{"id":"chatcmpl-7","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"{\"speaker\":\"Ma"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-7","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":"ud\",\"line\":\"Evening.\",\"mood\":\"calm\"}"},"finish_reason":null}]}""",
            """{"id":"chatcmpl-7","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp_ollama","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"stop"}]}""",
            """{"id":"chatcmpl-7","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp_ollama","choices":[],"usage":{"prompt_tokens":42,"completion_tokens":19,"total_tokens":61}}""",
        ] },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task A_stream_in_each_engines_shape_yields_the_text_in_pieces_then_the_usage(string engine, string[] chunks)
    {
        await using var server = await StandInServer.StartAsync(async (c, _, _) =>
        {
            c.Response.ContentType = "text/event-stream";
            foreach (var chunk in chunks)
            {
                await c.Response.WriteAsync($"data: {chunk}\n\n");
                await c.Response.Body.FlushAsync();
            }
            await c.Response.WriteAsync("data: [DONE]\n\n");
        });
        using var backend = new OpenAiBackend(new RemoteEndpoint { Url = server.Address, Model = "m" }, _ => null, new EndpointGate(1));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in backend.Client.GetStreamingResponseAsync(Prompt))
        {
            updates.Add(update);
        }
        var response = updates.ToChatResponse();

        Assert.Equal("""{"speaker":"Maud","line":"Evening.","mood":"calm"}""", response.Text);
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 2, engine);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(42, response.Usage?.InputTokenCount);
        Assert.Equal(19, response.Usage?.OutputTokenCount);
    }
}
