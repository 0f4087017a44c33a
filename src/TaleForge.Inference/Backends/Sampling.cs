using System.Globalization;
using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Backends;

/// <summary>
/// How a role picks its tokens, defined once: the values are llama.cpp's command-line defaults, which every role
/// has always run with. The trajectory header records this value, and <see cref="ToChatOptions"/> is what is sent,
/// so the record and the request cannot differ.
/// </summary>
public sealed record Sampling
{
    /// <summary>Carried in <see cref="ChatOptions.AdditionalProperties"/>, having no property of their own there.</summary>
    public const string MinPKey = "llama.min_p";
    public const string RepeatPenaltyKey = "llama.repeat_penalty";
    public const string RepeatLastNKey = "llama.repeat_last_n";

    /// <summary>0 or less: always the most likely token (greedy).</summary>
    public float Temperature { get; init; } = 0.8f;
    public int TopK { get; init; } = 40;
    public float TopP { get; init; } = 0.95f;
    public float MinP { get; init; } = 0.05f;
    public float RepeatPenalty { get; init; } = 1.0f;
    public int RepeatLastN { get; init; } = 64;
    public float FrequencyPenalty { get; init; }
    public float PresencePenalty { get; init; }

    /// <summary>What play, simulation and replay sample with unless told otherwise.</summary>
    public static Sampling Default { get; } = new();

    /// <summary>The judge's and interviewer's: the most likely token every time, so a verdict does not depend on luck.</summary>
    public static Sampling Greedy { get; } = new() { Temperature = 0f };

    /// <summary>A fresh request's options carrying every setting; the caller adds seed, length and format.</summary>
    public ChatOptions ToChatOptions() => new()
    {
        Temperature = Temperature,
        TopK = TopK,
        TopP = TopP,
        FrequencyPenalty = FrequencyPenalty,
        PresencePenalty = PresencePenalty,
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [MinPKey] = MinP,
            [RepeatPenaltyKey] = RepeatPenalty,
            [RepeatLastNKey] = RepeatLastN,
        },
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"temperature {Temperature}, top-k {TopK}, top-p {TopP}, min-p {MinP}, repeat penalty {RepeatPenalty} over {RepeatLastN}, frequency {FrequencyPenalty}, presence {PresencePenalty}");
}
