using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace TaleForge.Engine.Agents;

/// <summary>
/// The turns a character was sampled for at one step, which of them was played and why. The call that carries
/// it is the chosen turn itself, so everything that reads calls (replay, export, evaluation) sees the turn that
/// was played; the others are kept here as the rejected side of preference pairs.
/// </summary>
public sealed record CandidateChoice
{
    /// <summary>Index in <see cref="Turns"/> of the turn played.</summary>
    public required int Chosen { get; init; }

    /// <summary>The judge's reason for its pick, or why no judge was asked (only one turn parsed).</summary>
    public required string Reason { get; init; }

    /// <summary>Every candidate in the order sampled; all share the prompt of the call that carries them.</summary>
    public required ImmutableArray<CandidateCall> Turns { get; init; }

    /// <summary>The judge's call that picked; null when it was not asked.</summary>
    public CandidateCall? Pick { get; init; }
}

/// <summary>One request made for a candidate turn or for the pick: model, seed, what came back and what it cost.</summary>
public sealed record CandidateCall
{
    public required string Model { get; init; }
    public required long Seed { get; init; }

    /// <summary>The messages sent, for the pick; null for a candidate turn (its prompt is the carrying call's).</summary>
    public ImmutableArray<PromptMessage>? Prompt { get; init; }

    public string Raw { get; init; } = "";
    public JsonNode? Parsed { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double Milliseconds { get; init; }

    /// <summary>Refused attempts before the accepted reply.</summary>
    public ImmutableArray<FailedAttempt> Attempts { get; init; } = [];

    public string? Failure { get; init; }

    /// <summary>The request as a candidate keeps it (its prompt left to the call that carries it).</summary>
    public static CandidateCall Of(ModelCall call, bool withPrompt)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CandidateCall
        {
            Model = call.Model,
            Seed = call.Call.Seed,
            Prompt = withPrompt ? call.Prompt : null,
            Raw = call.Raw,
            Parsed = call.Parsed,
            PromptTokens = call.PromptTokens,
            CompletionTokens = call.CompletionTokens,
            Milliseconds = call.Milliseconds,
            Attempts = call.Attempts,
            Failure = call.Failure,
        };
    }
}
