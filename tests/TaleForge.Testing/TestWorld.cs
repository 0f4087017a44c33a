using System.Collections.Immutable;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;

namespace TaleForge.Testing;

/// <summary>
/// A small harbour world built in code, shared by the rule and engine tests: a quay, a tower above it with an
/// audible doorway, and a lamp room that needs the key. Every test can read the whole world here.
/// </summary>
public static class TestWorld
{
    /// <summary>A world built in code as if opened from <paramref name="source"/>, with its content hash.</summary>
    public static OpenedWorld Opened(WorldDefinition world, string source = "memory") =>
        new(WorldSource.At(source), world, WorldHash.Of(world));

    public static WorldDefinition Harbour(string language = "en") => new()
    {
        Info = new WorldInfo
        {
            Id = "harbour",
            Title = "The Harbour",
            Language = language,
            StartScene = "arrival",
            Clock = new ClockDefinition { Day = 1, Start = new TimeOnly(18, 0), MinutesPerRound = 10 },
        },
        Locations =
        [
            new LocationDefinition
            {
                Id = "quay",
                Name = "the Quay",
                Description = "Wet stones and a coiled rope.",
                Items = ["lantern", "anchor"],
                Details = [new DetailDefinition("rope", "Tarred and stiff with salt.")],
                Exits = [new ExitDefinition { Direction = Direction.North, To = "tower", Audible = true }],
            },
            new LocationDefinition
            {
                Id = "tower",
                Name = "the Tower Stair",
                Description = "A spiral of worn steps.",
                Exits =
                [
                    new ExitDefinition { Direction = Direction.South, To = "quay", Audible = true },
                    new ExitDefinition
                    {
                        Direction = Direction.Up,
                        Label = "trapdoor",
                        To = "lamp_room",
                        Requires = new Predicate.Any([new Predicate.Flag("trapdoor_open"), new Predicate.Carrying("key")]),
                        Blocked = "The trapdoor is bolted from above.",
                    },
                ],
            },
            new LocationDefinition
            {
                Id = "lamp_room",
                Name = "the Lamp Room",
                Description = "Glass on every side.",
                Exits = [new ExitDefinition { Direction = Direction.Down, To = "tower" }],
            },
        ],
        Items =
        [
            new ItemDefinition { Id = "lantern", Name = "storm lantern", Aliases = ["lamp"], Description = "Brass, dented." },
            new ItemDefinition { Id = "anchor", Name = "old anchor", Portable = false },
            new ItemDefinition { Id = "key", Name = "iron key" },
        ],
        Characters =
        [
            new CharacterDefinition
            {
                Id = "mara",
                Name = "Mara",
                Player = true,
                Start = new CharacterStart { Location = "quay", Emotion = "wary" },
                Secrets = [new Secret { Id = "ledger", Text = "Mara burned the ledger.", Keywords = ["ledger"] }],
            },
            new CharacterDefinition
            {
                Id = "tomas",
                Name = "Tomas Reyes",
                Aliases = ["Tomas"],
                Start = new CharacterStart { Location = "quay", Inventory = ["key"] },
            },
            new CharacterDefinition
            {
                Id = "ines",
                Name = "Ines",
                Start = new CharacterStart { Location = "tower" },
            },
        ],
        Scenes =
        [
            new SceneDefinition
            {
                Id = "arrival",
                Title = "Arrival",
                Location = "quay",
                Description = "Dusk on the quay.",
                Participants = ["mara", "tomas", "ines"],
                End = new SceneEnd { MaxRounds = 3, When = new Predicate.At("mara", "lamp_room") },
            },
        ],
    };

    public static ImmutableArray<string> Ids(params string[] ids) => [.. ids];
}
