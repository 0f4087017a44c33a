using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace TaleForge.Server;

/// <summary>
/// Writes a completion as OpenAI's chat API does: one <c>chat.completion</c> object, or server-sent events of
/// <c>chat.completion.chunk</c> objects, the last with the finish reason and the usage, then <c>data: [DONE]</c>.
/// </summary>
internal sealed class CompletionReply(HttpResponse response, string model)
{
    private readonly string _id = "chatcmpl-" + Guid.NewGuid().ToString("N");
    private readonly long _created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public async Task WriteAsync(ChatResponse reply)
    {
        response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(response.Body);
        Head(json, "chat.completion");
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", reply.Text);
        json.WriteEndObject();
        json.WriteString("finish_reason", Reason(reply.FinishReason));
        json.WriteEndObject();
        json.WriteEndArray();
        Usage(json, reply.Usage);
        json.WriteEndObject();
    }

    /// <summary>Streams the updates as they come; returns the usage the last of them carried.</summary>
    public async Task<UsageDetails?> StreamAsync(IAsyncEnumerable<ChatResponseUpdate> updates, CancellationToken cancellation)
    {
        UsageDetails? reported = null;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        var first = true;
        await foreach (var update in updates.WithCancellation(cancellation).ConfigureAwait(false))
        {
            var usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
            reported = usage ?? reported;
            var text = update.Text;
            if (text.Length == 0 && update.FinishReason is null && usage is null && !first)
            {
                continue;
            }
            await EventAsync(json =>
            {
                Head(json, "chat.completion.chunk");
                json.WriteStartArray("choices");
                json.WriteStartObject();
                json.WriteNumber("index", 0);
                json.WriteStartObject("delta");
                if (first)
                {
                    json.WriteString("role", "assistant");
                }
                if (text.Length > 0)
                {
                    json.WriteString("content", text);
                }
                json.WriteEndObject();
                if (update.FinishReason is { } reason)
                {
                    json.WriteString("finish_reason", Reason(reason));
                }
                else
                {
                    json.WriteNull("finish_reason");
                }
                json.WriteEndObject();
                json.WriteEndArray();
                if (usage is not null)
                {
                    Usage(json, usage);
                }
                json.WriteEndObject();
            }, cancellation).ConfigureAwait(false);
            first = false;
        }
        await response.WriteAsync("data: [DONE]\n\n", cancellation).ConfigureAwait(false);
        return reported;
    }

    private async Task EventAsync(Action<Utf8JsonWriter> write, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }
        await response.WriteAsync("data: ", cancellation).ConfigureAwait(false);
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellation).ConfigureAwait(false);
        await response.WriteAsync("\n\n", cancellation).ConfigureAwait(false);
        // Each piece goes out as it is decoded, not when a buffer fills.
        await response.Body.FlushAsync(cancellation).ConfigureAwait(false);
    }

    private void Head(Utf8JsonWriter json, string kind)
    {
        json.WriteStartObject();
        json.WriteString("id", _id);
        json.WriteString("object", kind);
        json.WriteNumber("created", _created);
        json.WriteString("model", model);
    }

    private static void Usage(Utf8JsonWriter json, UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", usage.InputTokenCount ?? 0);
        json.WriteNumber("completion_tokens", usage.OutputTokenCount ?? 0);
        json.WriteNumber("total_tokens", usage.TotalTokenCount ?? (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0));
        if (usage.CachedInputTokenCount is { } cached)
        {
            // OpenAI's place for prompt tokens served from the cache; its client reads it back as cached input tokens.
            json.WriteStartObject("prompt_tokens_details");
            json.WriteNumber("cached_tokens", cached);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static string Reason(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";
}
