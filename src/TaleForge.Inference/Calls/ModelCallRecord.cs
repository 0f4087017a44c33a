using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Calls;

/// <summary>
/// Everything about one call to a chat client, as a trajectory needs it: what was sent (messages and options,
/// including seed and response format), what came back (raw text, usage, finish reason, model), how long it took
/// and how it ended.
/// </summary>
public sealed record ModelCallRecord
{
    /// <summary>1 for the first call through the recording client, then 2, 3, ... in start order.</summary>
    public required long Sequence { get; init; }

    /// <summary>The messages as sent, in order.</summary>
    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>A copy of the options as sent (null when none were given).</summary>
    public ChatOptions? Options { get; init; }

    /// <summary>The caller's context from the options, if it attached one.</summary>
    public ModelCallContext? Context => Options.GetCallContext();

    /// <summary>The sampling seed sent to the backend.</summary>
    public long? Seed => Options?.Seed;

    /// <summary>The response format sent to the backend (a JSON schema for typed requests).</summary>
    public ChatResponseFormat? ResponseFormat => Options?.ResponseFormat;

    public required bool Streaming { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required ModelCallOutcome Outcome { get; init; }

    /// <summary>The raw reply text; for a failed or abandoned stream, what had arrived.</summary>
    public string ResponseText { get; init; } = "";

    public UsageDetails? Usage { get; init; }

    public ChatFinishReason? FinishReason { get; init; }

    /// <summary>The model that answered, as the backend reports it.</summary>
    public string? ModelId { get; init; }

    /// <summary>Why the call failed, when it did.</summary>
    public Exception? Exception { get; init; }
}
