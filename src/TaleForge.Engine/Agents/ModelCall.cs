using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace TaleForge.Engine.Agents;

/// <summary>
/// A language-model request as the trajectory keeps it: the prompt, what came back, what it parsed to, and what
/// it cost. <see cref="Attempts"/> holds every failed try before the accepted one, so format failures are counted.
/// </summary>
public sealed record ModelCall
{
    public required AgentCall Call { get; init; }
    public required string Model { get; init; }

    /// <summary>Name of the schema the reply had to match ("character_turn").</summary>
    public required string Schema { get; init; }

    public ImmutableArray<PromptMessage> Prompt { get; init; } = [];
    public string Raw { get; init; } = "";
    public JsonNode? Parsed { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double Milliseconds { get; init; }
    public ImmutableArray<FailedAttempt> Attempts { get; init; } = [];

    /// <summary>Set when no attempt produced a usable value; the engine then kept the previous state.</summary>
    public string? Failure { get; init; }

    /// <summary>Set on a turn chosen from several sampled candidates (simulate --candidates): all of them, and why this one.</summary>
    public CandidateChoice? Candidates { get; init; }
    /// <summary>What was cut from the prompt to fit the context; null when nothing was.</summary>
    public PromptCut? Trimmed { get; init; }
}

public sealed record PromptMessage(string Role, string Text);

public sealed record FailedAttempt(string Raw, string Error);
