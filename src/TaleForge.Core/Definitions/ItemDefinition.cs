using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>A thing in the world that can lie somewhere or be carried.</summary>
public sealed record ItemDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Other names a player may use for it.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    public string Description { get; init; } = "";

    /// <summary>False for things too heavy or fixed to pick up.</summary>
    public bool Portable { get; init; } = true;

    /// <summary>Free key/value facts about the item (material, weight, what it opens).</summary>
    public ImmutableDictionary<string, string> Properties { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public Extensions Extensions { get; init; } = Extensions.Empty;
}
