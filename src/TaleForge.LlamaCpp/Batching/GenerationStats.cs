namespace TaleForge.LlamaCpp.Batching;

/// <summary>What one request cost: tokens and milliseconds, prompt time apart from generation time.</summary>
public sealed record GenerationStats(
    int PromptTokens,
    int CachedPromptTokens,
    int GeneratedTokens,
    double QueueMilliseconds,
    double PromptMilliseconds,
    double GenerationMilliseconds)
{
    /// <summary>Prompt tokens actually evaluated (those not found in the prefix cache).</summary>
    public int EvaluatedPromptTokens => PromptTokens - CachedPromptTokens;

    /// <summary>Generated tokens per second after the first token.</summary>
    public double TokensPerSecond => GeneratedTokens > 1 && GenerationMilliseconds > 0 ? (GeneratedTokens - 1) * 1000.0 / GenerationMilliseconds : 0;

    /// <summary>Time to first token: waiting, then prompt evaluation and the first sample.</summary>
    public double TimeToFirstTokenMilliseconds => QueueMilliseconds + PromptMilliseconds;
}
