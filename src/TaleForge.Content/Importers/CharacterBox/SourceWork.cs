using System.Collections.Immutable;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>A CharacterBox work as read from its JSON, checked and with every action's actor resolved.</summary>
internal sealed record SourceWork(string? Title, ImmutableArray<SourceScene> Scenes);

/// <summary>
/// One scene of a work. <see cref="Id"/> is the id as written (a number's digits, or text), or the scene's
/// position in the file when it has none; <see cref="Position"/> counts from 1.
/// </summary>
internal sealed record SourceScene
{
    public required int Position { get; init; }
    public required string Id { get; init; }
    public string Event { get; init; } = "";
    public string Time { get; init; } = "";
    public string Location { get; init; } = "";
    public string Description { get; init; } = "";
    public string? Plot { get; init; }
    public SourceChunk? Chunk { get; init; }
    public ImmutableArray<SourceCharacter> Characters { get; init; } = [];
    public ImmutableArray<SourceAction> Actions { get; init; } = [];

    /// <summary>How messages name the scene: by id and by place in the file, so either finds it.</summary>
    public string Label => $"scene '{Id}' (scene {Position} in the file)";
}

/// <summary>The passage of the source text a scene was drawn from; CharacterBox does not use it at run time.</summary>
internal sealed record SourceChunk(string? Id, string? Text);

/// <summary>A character as one scene describes it; the same person may appear in several scenes.</summary>
internal sealed record SourceCharacter
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Gender { get; init; }
    public string Description { get; init; } = "";
    public string Position { get; init; } = "";
    public string States { get; init; } = "";

    /// <summary>What makes two scenes' characters one person: the name, ignoring case and spacing.</summary>
    public string NameKey => KeyOf(Name);

    public static string KeyOf(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>A seed action of a scene, with <see cref="Actor"/> resolved to one of the scene's characters.</summary>
internal sealed record SourceAction
{
    public string? ActionId { get; init; }

    /// <summary>The character's name and id as the action wrote them (either may be absent).</summary>
    public string? Character { get; init; }
    public string? CharacterId { get; init; }

    public required SourceCharacter Actor { get; init; }
    public string Action { get; init; } = "";
    public string? Dialogue { get; init; }
}
