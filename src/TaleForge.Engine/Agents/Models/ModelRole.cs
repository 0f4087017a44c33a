using Microsoft.Extensions.AI;

namespace TaleForge.Engine.Agents.Models;

/// <summary>
/// A language model as one role uses it: the client, the model's name for the record, sampling settings, and
/// the context it has, so prompts are cut to fit rather than overflow.
/// </summary>
public sealed record ModelRole
{
    public required IChatClient Client { get; init; }

    /// <summary>The model file (or endpoint model) name written into trajectories.</summary>
    public required string Model { get; init; }

    /// <summary>Sampling settings (temperature, top-p, ...); cloned for every call, never changed.</summary>
    public ChatOptions Sampling { get; init; } = new() { Temperature = 0.8f, TopP = 0.95f };

    /// <summary>The model's context in tokens; prompt plus reply never exceed it.</summary>
    public int ContextTokens { get; init; } = 4096;

    /// <summary>Counts tokens exactly with the model's tokenizer; when null, a cautious estimate is used.</summary>
    public Func<string, int>? CountTokens { get; init; }

    /// <summary>Asks in all for one decision, re-asks included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Tokens in a text, by the model's tokenizer or a cautious estimate (one per UTF-8 byte / 3, rounded up).</summary>
    public int Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountTokens?.Invoke(text) ?? ((System.Text.Encoding.UTF8.GetByteCount(text) + 2) / 3);
    }
}
