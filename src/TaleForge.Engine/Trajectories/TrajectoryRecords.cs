using System.Collections.Immutable;
using System.Text.Json.Nodes;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Trajectories;

/// <summary>One line of a trajectory after the header: an event, a model call or a checkpoint, each a node of the tree.</summary>
public abstract record TrajectoryRecord(long Step, long? Parent, int Line);

/// <summary>An event line: what happened, where in the story, and who perceived it.</summary>
public sealed record EventRecord(long Step, long? Parent, int Line) : TrajectoryRecord(Step, Parent, Line)
{
    public required string Scene { get; init; }
    public required int Round { get; init; }
    public required NarratorPhase Phase { get; init; }
    public string Time { get; init; } = "";
    public string? Actor { get; init; }
    public ImmutableArray<string> Observers { get; init; } = [];
    public required WorldEvent Event { get; init; }

    /// <summary>The event as the narrator tells it (no viewer), as written when it happened.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// What an observer perceived, by character id, where its wording differs from <see cref="Text"/> ("You take
    /// the lantern." for the one who took it); every other observer perceived <see cref="Text"/>.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Observations { get; init; } = NoObservations;

    /// <summary>The event as <paramref name="character"/> perceived it; null when it did not, or the event has no text.</summary>
    public string? TextFor(string character) =>
        Observations.TryGetValue(character, out var own) ? own : Observers.Contains(character) ? Text : null;

    /// <summary>
    /// The event as <paramref name="viewer"/> (null: the narrator) was told it: the text recorded when it happened, or,
    /// for files written before texts were recorded, the text worked out again from the state just after it.
    /// </summary>
    public string? Told(string? viewer, WorldState? after)
    {
        if (Text is not null)
        {
            return viewer is null ? Text : TextFor(viewer);
        }
        return after is null ? null : EventText.Describe(Event, after, viewer);
    }

    internal static readonly ImmutableSortedDictionary<string, string> NoObservations =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}

/// <summary>A model call line: prompt, raw reply, parsed value, cost and failures.</summary>
public sealed record CallRecord(long Step, long? Parent, int Line) : TrajectoryRecord(Step, Parent, Line)
{
    public required string Scene { get; init; }
    public required int Round { get; init; }
    public required NarratorPhase Phase { get; init; }
    public required Role Role { get; init; }
    public required long Seed { get; init; }
    public required string Model { get; init; }
    public required string Schema { get; init; }
    public ImmutableArray<(string Role, string Text)> Prompt { get; init; } = [];
    public string Raw { get; init; } = "";
    public JsonNode? Parsed { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double Milliseconds { get; init; }
    public ImmutableArray<(string Raw, string Error)> Attempts { get; init; } = [];
    public string? Failure { get; init; }

    /// <summary>On a turn chosen among sampled candidates: every candidate, the one played and why (absent otherwise).</summary>
    public CandidateChoice? Candidates { get; init; }
    /// <summary>What was cut from the prompt to fit the context; null when nothing was.</summary>
    public PromptCut? Trimmed { get; init; }

    /// <summary>The character this call decided for, when the role is "character:ID".</summary>
    public string? Character => Role.Kind == RoleKind.Character ? Role.CharacterId : null;

    /// <summary>The character a person played, when the role is "player:ID" (a human decision, not a model's).</summary>
    public string? Player => Role.Kind == RoleKind.Player ? Role.CharacterId : null;

    /// <summary>True for a language model's reply (not a person's decision).</summary>
    public bool ByModel => Player is null && Model != Session.GameSession.HumanModel;
}

/// <summary>A point where play waited for the player, with the narrator's state there.</summary>
public sealed record CheckpointRecord(long Step, long? Parent, int Line) : TrajectoryRecord(Step, Parent, Line)
{
    public required NarratorState Narrator { get; init; }

    /// <summary>The step the session would have numbered its next record with.</summary>
    public long NextStep { get; init; }
}
