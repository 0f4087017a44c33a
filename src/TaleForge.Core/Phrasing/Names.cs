using TaleForge.Core.Definitions;

namespace TaleForge.Core.Phrasing;

/// <summary>Display names for ids, in the world's language; an unknown id shows as itself rather than failing.</summary>
public sealed class Names(WorldDefinition world)
{
    public Phrasebook Phrases { get; } = Phrasebook.For(world?.Info.Language ?? "en");

    public string Character(string id) => world.FindCharacter(id)?.Name ?? id;

    /// <summary>The item as it reads in a sentence: "the brass key".</summary>
    public string Item(string id) => world.FindItem(id) is { } item ? Phrases.Definite(item.Name) : id;

    public string Location(string id) => world.FindLocation(id)?.Name ?? id;

    public string Exit(ExitDefinition exit)
    {
        ArgumentNullException.ThrowIfNull(exit);
        return exit.Direction is { } d ? Phrases.DirectionWord(d) : exit.Label ?? Location(exit.To);
    }

    public Subject Subject(string character, string? viewer) => new(Character(character), character == viewer);
}
