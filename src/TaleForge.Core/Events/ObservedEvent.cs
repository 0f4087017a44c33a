using System.Collections.Immutable;

namespace TaleForge.Core.Events;

/// <summary>An event with the characters who perceived it: the unit of knowledge boundaries.</summary>
public sealed record ObservedEvent(WorldEvent Event, ImmutableArray<string> Observers)
{
    public bool IsObservedBy(string character) => Observers.Contains(character);

    public bool Equals(ObservedEvent? other) =>
        other is not null && Event.Equals(other.Event) && Observers.SequenceEqual(other.Observers);

    public override int GetHashCode() => Event.GetHashCode();
}
