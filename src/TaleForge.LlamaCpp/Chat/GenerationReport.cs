using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Batching;

namespace TaleForge.LlamaCpp.Chat;

/// <summary>
/// How a finished generation reaches a chat response, the same from every backend that runs our scheduler's
/// requests: the text and finish reason, token usage, and the timings under <c>llama.*</c> keys that calls record.
/// </summary>
internal static class GenerationReport
{
    /// <summary>The whole reply of a generation asked for at once.</summary>
    public static ChatResponse Response(GenerationEvent.Finished finished, string? modelId) =>
        new(new ChatMessage(ChatRole.Assistant, finished.Text))
        {
            FinishReason = finished.Reason,
            ModelId = modelId,
            CreatedAt = DateTimeOffset.UtcNow,
            Usage = Usage(finished.Stats),
            AdditionalProperties = Timings(finished.Stats),
        };

    /// <summary>The last update of a streamed generation: its usage, finish reason and timings, the text having come before.</summary>
    public static ChatResponseUpdate LastUpdate(GenerationEvent.Finished end, string responseId, string? modelId) =>
        new(ChatRole.Assistant, [new UsageContent(Usage(end.Stats))])
        {
            ResponseId = responseId,
            ModelId = modelId,
            FinishReason = end.Reason,
            AdditionalProperties = Timings(end.Stats),
        };

    private static UsageDetails Usage(GenerationStats stats) => new()
    {
        InputTokenCount = stats.PromptTokens,
        CachedInputTokenCount = stats.CachedPromptTokens,
        OutputTokenCount = stats.GeneratedTokens,
        TotalTokenCount = stats.PromptTokens + stats.GeneratedTokens,
    };

    private static AdditionalPropertiesDictionary Timings(GenerationStats stats) => new()
    {
        ["llama.stats"] = stats,
        ["llama.queue_ms"] = stats.QueueMilliseconds,
        ["llama.prompt_ms"] = stats.PromptMilliseconds,
        ["llama.generation_ms"] = stats.GenerationMilliseconds,
        ["llama.prompt_tokens_evaluated"] = stats.EvaluatedPromptTokens,
        ["llama.tokens_per_second"] = stats.TokensPerSecond,
    };
}
