using System.Collections.Immutable;
using TaleForge.Core.Events;

namespace TaleForge.Core.Rules;

/// <summary>What the rules made of a decision: the events to apply, and the reason if they refused it.</summary>
public sealed record Resolution(ImmutableArray<WorldEvent> Events, VetoReason? Veto = null)
{
    public bool Accepted => Veto is null;

    public bool Equals(Resolution? other) => other is not null && Events.SequenceEqual(other.Events) && Equals(Veto, other.Veto);
    public override int GetHashCode() => HashCode.Combine(Events.Length, Veto);
}
