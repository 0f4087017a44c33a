using System.Text.Json;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.Inference;
using TaleForge.Inference.Backends;
using TaleForge.Inference.Grammar;

namespace TaleForge.Server;

/// <summary>
/// A <c>POST /v1/chat/completions</c> body read into what the chat client takes: the messages, and options with
/// seed, max_tokens, temperature, top_p, stop, a response format (<c>json_schema</c> in the nested form, or
/// <c>json_object</c> with or without a <c>schema</c>) or a raw GBNF <c>grammar</c> (llama-server's extension).
/// A schema or grammar the backend cannot enforce is refused with 400 rather than run unconstrained.
/// </summary>
internal sealed record CompletionRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool Stream)
{
    public static CompletionRequest Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiError.BadRequest("The request body must be a JSON object.");
        }
        var options = new ChatOptions();
        if (Optional(body, "seed", JsonValueKind.Number) is { } seed)
        {
            options.Seed = seed.TryGetInt64(out var value) ? value : throw ApiError.BadRequest("'seed' must be a whole number.");
        }
        if ((Optional(body, "max_tokens", JsonValueKind.Number) ?? Optional(body, "max_completion_tokens", JsonValueKind.Number)) is { } max)
        {
            options.MaxOutputTokens = max.TryGetInt32(out var tokens) && tokens >= 1 ? tokens : throw ApiError.BadRequest("'max_tokens' must be a whole number of at least 1.");
        }
        options.Temperature = Optional(body, "temperature", JsonValueKind.Number)?.GetSingle();
        options.TopP = Optional(body, "top_p", JsonValueKind.Number)?.GetSingle();
        options.TopK = Optional(body, "top_k", JsonValueKind.Number) is { } topK && topK.TryGetInt32(out var k) ? k : null;
        if (Optional(body, "min_p", JsonValueKind.Number) is { } minP)
        {
            options.AdditionalProperties = new() { [Sampling.MinPKey] = minP.GetSingle() };
        }
        options.StopSequences = Stops(body);
        ReadFormat(body, options);
        var stream = body.TryGetProperty("stream", out var streamValue) && streamValue.ValueKind == JsonValueKind.True;
        return new CompletionRequest(ReadMessages(body), options, stream);
    }

    private static JsonElement? Optional(JsonElement body, string name, JsonValueKind kind)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == kind ? value : throw ApiError.BadRequest($"'{name}' must be a {kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private static List<string>? Stops(JsonElement body)
    {
        if (!body.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return stop.ValueKind switch
        {
            JsonValueKind.String => [stop.GetString()!],
            JsonValueKind.Array when stop.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String) => [.. stop.EnumerateArray().Select(s => s.GetString()!)],
            _ => throw ApiError.BadRequest("'stop' must be a string or an array of strings."),
        };
    }

    private static List<ChatMessage> ReadMessages(JsonElement body)
    {
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            throw ApiError.BadRequest("'messages' must be a non-empty array of {role, content}.");
        }
        var list = new List<ChatMessage>();
        foreach (var (message, index) in messages.EnumerateArray().Select((m, i) => (m, i)))
        {
            var role = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var r) ? r.GetString() : null;
            var chatRole = role switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                _ => throw ApiError.BadRequest($"messages[{index}].role must be system, user or assistant, not '{role}'."),
            };
            list.Add(new ChatMessage(chatRole, Content(message, index)));
        }
        return list;
    }

    private static string Content(JsonElement message, int index)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
        {
            return "";
        }
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }
        if (content.ValueKind == JsonValueKind.Array)
        {
            // Only text parts: the models served here read nothing else.
            return string.Concat(content.EnumerateArray().Select(part =>
                part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.GetString() == "text"
                    && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                    ? text.GetString()
                    : throw ApiError.BadRequest($"messages[{index}].content holds a part that is not text; this server reads text only.")));
        }
        throw ApiError.BadRequest($"messages[{index}].content must be a string or an array of text parts.");
    }

    private static void ReadFormat(JsonElement body, ChatOptions options)
    {
        JsonElement? schema = null;
        var json = false;
        if (body.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object)
        {
            var type = format.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "json_schema":
                    schema = format.TryGetProperty("json_schema", out var wrapper) && wrapper.ValueKind == JsonValueKind.Object
                        && wrapper.TryGetProperty("schema", out var nested) && nested.ValueKind == JsonValueKind.Object
                        ? nested
                        : throw ApiError.BadRequest("response_format of type json_schema needs json_schema.schema, an object.");
                    break;
                case "json_object":
                    json = true;
                    schema = format.TryGetProperty("schema", out var loose) && loose.ValueKind == JsonValueKind.Object ? loose : null;
                    break;
                case "text" or null:
                    break;
                default:
                    throw ApiError.BadRequest($"response_format.type must be text, json_object or json_schema, not '{type}'.");
            }
        }
        var grammar = body.TryGetProperty("grammar", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
        if (grammar is { Length: > 0 } && (schema is not null || json))
        {
            throw ApiError.BadRequest("A request may carry a response_format or a grammar, not both.");
        }
        try
        {
            if (schema is { } s)
            {
                // Compiled here to refuse what cannot be enforced; the client compiles it again (cached).
                JsonSchemaGrammar.Convert(s);
                options.ResponseFormat = ChatResponseFormat.ForJsonSchema(s.Clone());
            }
            else if (json)
            {
                options.ResponseFormat = ChatResponseFormat.Json;
            }
            else if (grammar is { Length: > 0 })
            {
                GbnfGrammar.Parse(grammar);
                options.WithGrammar(grammar);
            }
        }
        catch (TaleForgeException error)
        {
            throw ApiError.BadRequest($"The {(schema is null ? "grammar" : "schema")} cannot be enforced: {error.Message}");
        }
    }
}
