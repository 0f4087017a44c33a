using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;

namespace TaleForge.Remote;

/// <summary>
/// Shapes a request's options for the wire: llama.cpp's own sampling settings (min-p, repeat penalty), which the
/// local backend reads from <see cref="ChatOptions.AdditionalProperties"/>, are dropped, since OpenAI itself
/// refuses fields it does not know. The JSON schema stays as the nested <c>json_schema.schema</c> form, non-strict,
/// which vLLM, llama-server, Ollama and OpenAI all read (strict mode would move bounds into descriptions).
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
        if (options?.AdditionalProperties is not { Count: > 0 } properties || !LocalOnly.Any(properties.ContainsKey))
        {
            return options;
        }
        var copy = options.Clone();
        var kept = new AdditionalPropertiesDictionary();
        foreach (var (key, value) in properties.Where(p => !LocalOnly.Contains(p.Key)))
        {
            kept[key] = value;
        }
        copy.AdditionalProperties = kept.Count == 0 ? null : kept;
        return copy;
    }
}
