using Microsoft.Extensions.AI;

namespace TaleForge.LlamaCpp.Chat;

/// <summary>
/// llama.cpp sampling options that <see cref="ChatOptions"/> has no property for, carried in its
/// AdditionalProperties under these keys.
/// </summary>
public static class LlamaChatOptions
{
    public const string MinPKey = Inference.Backends.Sampling.MinPKey;
    public const string RepeatPenaltyKey = Inference.Backends.Sampling.RepeatPenaltyKey;
    public const string RepeatLastNKey = Inference.Backends.Sampling.RepeatLastNKey;
    public const string IgnoreEndOfGenerationKey = "llama.ignore_eos";

    public static ChatOptions WithMinP(this ChatOptions options, float minP) => Set(options, MinPKey, minP);

    public static ChatOptions WithRepeatPenalty(this ChatOptions options, float penalty, int lastN = 64) =>
        Set(Set(options, RepeatPenaltyKey, penalty), RepeatLastNKey, lastN);

    /// <summary>Never ends on an end-of-generation token: always produces MaxOutputTokens (for benchmarks).</summary>
    public static ChatOptions WithIgnoreEndOfGeneration(this ChatOptions options) => Set(options, IgnoreEndOfGenerationKey, true);

    private static ChatOptions Set(ChatOptions options, string key, object value)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[key] = value;
        return options;
    }
}
