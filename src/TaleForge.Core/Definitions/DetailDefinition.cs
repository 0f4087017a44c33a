using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>Scenery: something in a location that can be examined by name (or an alias) but not taken.</summary>
public sealed record DetailDefinition(string Name, string Text)
{
    /// <summary>Other names a player may type for it ("rail" for the rope rail).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>The name first, then the aliases.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);

    public bool Equals(DetailDefinition? other) =>
        other is not null && Name == other.Name && Text == other.Text && Aliases.SequenceEqual(other.Aliases);

    public override int GetHashCode() => HashCode.Combine(Name, Text);
}
