using System.Collections.Immutable;

namespace TaleForge.Core.Decisions;

/// <summary>
/// Marks a decision as taken from an authored line or reaction: which one (so a <c>once</c> line is used up)
/// and the flags it sets. Applied only if the rules accept the decision.
/// </summary>
public sealed record AuthoredCue(string Key)
{
    public ImmutableArray<string> SetFlags { get; init; } = [];

    public bool Equals(AuthoredCue? other) => other is not null && Key == other.Key && SetFlags.SequenceEqual(other.SetFlags);
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}
