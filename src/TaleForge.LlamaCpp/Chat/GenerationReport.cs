using Microsoft.Extensions.AI;
using TaleForge.LlamaCpp.Batching;

namespace TaleForge.LlamaCpp.Chat;

/// <summary>
/// How a finished generation's numbers reach a chat response, the same from every backend that runs our scheduler's
/// requests: token usage, and the timings under <c>llama.*</c> keys that calls record.
/// </summary>
internal static class GenerationReport
{
    public static UsageDetails Usage(GenerationStats stats) => new()
    {
        InputTokenCount = stats.PromptTokens,
        CachedInputTokenCount = stats.CachedPromptTokens,
        OutputTokenCount = stats.GeneratedTokens,
        TotalTokenCount = stats.PromptTokens + stats.GeneratedTokens,
    };

    public static AdditionalPropertiesDictionary Timings(GenerationStats stats) => new()
    {
        ["llama.stats"] = stats,
        ["llama.queue_ms"] = stats.QueueMilliseconds,
        ["llama.prompt_ms"] = stats.PromptMilliseconds,
        ["llama.generation_ms"] = stats.GenerationMilliseconds,
        ["llama.prompt_tokens_evaluated"] = stats.EvaluatedPromptTokens,
        ["llama.tokens_per_second"] = stats.TokensPerSecond,
    };
}
