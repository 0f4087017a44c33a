using Microsoft.Extensions.AI;
using TaleForge.Inference.Backends;

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

    /// <summary>How tokens are picked; sent with every call as it is.</summary>
    public Sampling Sampling { get; init; } = Sampling.Default;

    /// <summary>The model's context in tokens; prompt plus reply never exceed it.</summary>
    public int ContextTokens { get; init; } = 4096;

    /// <summary>Counts tokens exactly with the model's tokenizer; when null, a cautious estimate is used.</summary>
    public Func<string, int>? CountTokens { get; init; }

    /// <summary>Asks in all for one decision, re-asks included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>A backend as a role uses it: its client, its tokenizer and its share of the context.</summary>
    public static ModelRole For(IModelBackend backend, string model, Sampling sampling)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(sampling);
        return new ModelRole
        {
            Client = backend.Client,
            Model = model,
            Sampling = sampling,
            ContextTokens = backend.ContextTokens,
            CountTokens = backend.CountTokens,
        };
    }

    /// <summary>Tokens in a text, by the model's tokenizer or a cautious estimate (one per UTF-8 byte / 3, rounded up).</summary>
    public int Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountTokens?.Invoke(text) ?? ((System.Text.Encoding.UTF8.GetByteCount(text) + 2) / 3);
    }
}
