using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Memory;

namespace TaleForge.Engine.Agents;

/// <summary>
/// Everything a character may know when it decides: itself, what it can perceive now, and what it observed.
/// Agents get this and never the world state, so a character cannot know what it did not see or hear.
/// </summary>
public sealed record CharacterView
{
    public required CharacterDefinition Character { get; init; }
    public required CharacterState Self { get; init; }
    public required string Language { get; init; }
    public required string WorldTitle { get; init; }
    public required string Premise { get; init; }

    public required SceneSnapshot Scene { get; init; }
    public required Surroundings Here { get; init; }

    /// <summary>Names of the characters this one knows of (relationships, and everyone present), by id.</summary>
    public ImmutableSortedDictionary<string, string> KnownNames { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Items this character carries.</summary>
    public ImmutableArray<ItemDefinition> Inventory { get; init; } = [];

    /// <summary>What this character perceived, oldest first.</summary>
    public ImmutableArray<Observation> Observations { get; init; } = [];

    /// <summary>Lore activated by what this character perceived recently.</summary>
    public ImmutableArray<LoreEntry> Lore { get; init; } = [];

    /// <summary>The director's line for this character this round, if any.</summary>
    public string? Direction { get; init; }

    public GameTime Time { get; init; }

    /// <summary>The author's conditions for authored lines; model-played characters do not look here.</summary>
    public required AuthorScript Script { get; init; }
}

/// <summary>The scene as a participant knows it.</summary>
public sealed record SceneSnapshot(string Id, string Title, string Event, string Time, string Environment, int Round);

/// <summary>What can be perceived where the character stands.</summary>
public sealed record Surroundings
{
    public required LocationDefinition Location { get; init; }

    /// <summary>Exits by the name a character would use ("north", "trapdoor").</summary>
    public ImmutableArray<string> Exits { get; init; } = [];

    public ImmutableArray<ItemDefinition> Items { get; init; } = [];
    public ImmutableArray<PresentCharacter> People { get; init; } = [];
}

/// <summary>Another character in sight, as it appears.</summary>
public sealed record PresentCharacter(string Id, string Name, string Description, string Position, string Condition, string Emotion);
