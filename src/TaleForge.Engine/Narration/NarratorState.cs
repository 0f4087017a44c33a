using System.Collections.Immutable;
using TaleForge.Core.Decisions;

namespace TaleForge.Engine.Narration;

/// <summary>
/// Where the narrator stands, as data: kept in the session and saved with it, so a game restored from a save
/// resumes in the very phase it was left in. The Stateless machine reads and writes <see cref="Phase"/> only.
/// </summary>
public sealed record NarratorState
{
    public NarratorPhase Phase { get; init; } = NarratorPhase.SceneSetup;

    /// <summary>The scene <see cref="NarratorPhase.SceneSetup"/> will open.</summary>
    public string? NextScene { get; init; }

    /// <summary>Characters yet to act this round, in order.</summary>
    public ImmutableArray<string> Queue { get; init; } = [];

    /// <summary>Characters who acted or reacted this round, in that order: next round's queue.</summary>
    public ImmutableArray<string> Completed { get; init; } = [];

    /// <summary>The turn being carried through influence, reaction, result and updates.</summary>
    public TurnInProgress? Turn { get; init; }

    /// <summary>The director's line for each character this round.</summary>
    public ImmutableSortedDictionary<string, string> Directions { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public bool Equals(NarratorState? other) =>
        other is not null && Phase == other.Phase && NextScene == other.NextScene && Queue.SequenceEqual(other.Queue)
        && Completed.SequenceEqual(other.Completed) && Equals(Turn, other.Turn) && Directions.SequenceEqual(other.Directions);

    public override int GetHashCode() => HashCode.Combine(Phase, NextScene, Queue.Length);
}

/// <summary>One actor's turn as it moves through the pipeline.</summary>
public sealed record TurnInProgress(string Actor, CharacterTurn Decision)
{
    /// <summary>The rules refused the turn's command; no one is affected by a failed attempt.</summary>
    public bool Refused { get; init; }

    /// <summary>Characters the turn was aimed at, as the rules resolved them (ids): addressees and recipients.</summary>
    public ImmutableArray<string> Targets { get; init; } = [];

    public ImmutableArray<Influence> Influences { get; init; } = [];

    /// <summary>Reactions given so far, in the order of <see cref="Influences"/>.</summary>
    public ImmutableArray<GivenReaction> Reactions { get; init; } = [];

    public bool Equals(TurnInProgress? other) =>
        other is not null && Actor == other.Actor && Decision.Equals(other.Decision) && Refused == other.Refused
        && Targets.SequenceEqual(other.Targets) && Influences.SequenceEqual(other.Influences) && Reactions.SequenceEqual(other.Reactions);

    public override int GetHashCode() => HashCode.Combine(Actor, Decision);
}

/// <summary>A character affected by a turn, and how (CharacterBox's "impact").</summary>
public sealed record Influence(string Character, string Impact);

public sealed record GivenReaction(string Character, Reaction Reaction);
