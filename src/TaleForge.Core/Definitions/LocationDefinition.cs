using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>A place characters can be in, with the ways out of it and what lies there at the start.</summary>
public sealed record LocationDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public ImmutableArray<ExitDefinition> Exits { get; init; } = [];

    /// <summary>Ids of the items lying here when play begins.</summary>
    public ImmutableArray<string> Items { get; init; } = [];

    /// <summary>Things that can be examined but not taken (a carved lintel, a view).</summary>
    public ImmutableArray<DetailDefinition> Details { get; init; } = [];

    public Extensions Extensions { get; init; } = Extensions.Empty;
}
