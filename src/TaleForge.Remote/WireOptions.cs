using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;

namespace TaleForge.Remote;

/// <summary>
/// Shapes a request's options for the wire. llama.cpp's own sampling settings (min-p, repeat penalty), which the
/// local backend reads from <see cref="ChatOptions.AdditionalProperties"/>, are dropped, since OpenAI itself
/// refuses fields it does not know. The JSON schema goes out byte for byte in the nested
/// <c>response_format.json_schema.schema</c> form, non-strict, which vLLM, llama-server, Ollama and OpenAI all read:
/// the adapter's own conversion moves <c>maxLength</c>, <c>minimum</c> and the like into descriptions, and a server
/// that could have enforced those bounds would then not.
/// </summary>
internal sealed class WireOptions(IChatClient inner) : DelegatingChatClient(inner)
{
    private static readonly string[] LocalOnly = [Sampling.MinPKey, Sampling.RepeatPenaltyKey, Sampling.RepeatLastNKey, Inference.GrammarOptions.GrammarKey];

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, ForWire(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, ForWire(options), cancellationToken);

    internal static ChatOptions? ForWire(ChatOptions? options)
    {
        if (options is null)
        {
            return null;
        }
        var copy = options.Clone();
        if (options.AdditionalProperties is { Count: > 0 } properties && LocalOnly.Any(properties.ContainsKey))
        {
            var kept = new AdditionalPropertiesDictionary();
            foreach (var (key, value) in properties.Where(p => !LocalOnly.Contains(p.Key)))
            {
                kept[key] = value;
            }
            copy.AdditionalProperties = kept.Count == 0 ? null : kept;
        }
        if (options.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } format)
        {
            var earlier = options.RawRepresentationFactory;
            var text = BinaryData.FromString(schema.GetRawText());
            copy.ResponseFormat = null;
            copy.RawRepresentationFactory = client =>
            {
                var raw = earlier?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
                raw.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                    format.SchemaName ?? "reply", text, format.SchemaDescription, jsonSchemaIsStrict: false);
                return raw;
            };
        }
        return copy;
    }
}
