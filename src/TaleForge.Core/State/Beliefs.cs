using System.Collections.Immutable;

namespace TaleForge.Core.State;

/// <summary>
/// A character's BDI state as CharacterBox revises it at every round start: what it believes about the
/// situation, what it wants, what it means to do, and how it sees each other character.
/// </summary>
public sealed record Beliefs
{
    public static Beliefs None { get; } = new();

    public string Belief { get; init; } = "";
    public string Desire { get; init; } = "";
    public string Intention { get; init; } = "";

    /// <summary>Character id to this character's view of them.</summary>
    public ImmutableSortedDictionary<string, string> Others { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public bool Equals(Beliefs? other) =>
        other is not null && Belief == other.Belief && Desire == other.Desire && Intention == other.Intention
        && Others.SequenceEqual(other.Others);

    public override int GetHashCode() => HashCode.Combine(Belief, Desire, Intention, Others.Count);
}
