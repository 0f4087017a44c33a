using TaleForge.Content.Diagnostics;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

/// <summary>What the files of one world contributed, in reading order, before it is put together.</summary>
internal sealed class WorldParts
{
    public WorldInfo? Info { get; set; }
    public SourcePosition? InfoAt { get; set; }
    public List<LocationDefinition> Locations { get; } = [];
    public List<ItemDefinition> Items { get; } = [];
    public List<CharacterDefinition> Characters { get; } = [];
    public List<SceneDefinition> Scenes { get; } = [];
    public List<LoreEntry> Lore { get; } = [];

    /// <summary>Paths named by world.yaml's <c>include</c>, each with where it was written.</summary>
    public List<(string Path, SourcePosition At)> Includes { get; } = [];

    public WorldDefinition? Build() => Info is null ? null : new WorldDefinition
    {
        Info = Info,
        Locations = [.. Locations],
        Items = [.. Items],
        Characters = [.. Characters],
        Scenes = [.. Scenes],
        Lore = [.. Lore],
    };
}
