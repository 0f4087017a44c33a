using System.Collections.Immutable;

namespace TaleForge.Core.State;

/// <summary>Where a character is and how it is, plus its private mind. What it carries is in <see cref="WorldState.Items"/>.</summary>
public sealed record CharacterState
{
    public required string Id { get; init; }
    public required string Location { get; init; }
    public string Position { get; init; } = "";

    /// <summary>Physical and practical condition (CharacterBox's "state").</summary>
    public string Condition { get; init; } = "";

    public string Emotion { get; init; } = "";
    public Beliefs Beliefs { get; init; } = Beliefs.None;
    public ImmutableList<Memory> Memories { get; init; } = [];

    public bool Equals(CharacterState? other) =>
        other is not null && Id == other.Id && Location == other.Location && Position == other.Position
        && Condition == other.Condition && Emotion == other.Emotion && Beliefs.Equals(other.Beliefs)
        && Memories.SequenceEqual(other.Memories);

    public override int GetHashCode() => HashCode.Combine(Id, Location, Memories.Count);
}
