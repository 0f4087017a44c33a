using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Core.Definitions;

namespace TaleForge.Benchmarks;

/// <summary>
/// A large, lint-clean world built in code for the content benchmark: locations on a grid joined by exits,
/// characters with full profiles and authored behaviour, scenes chained by transitions. Deterministic.
/// </summary>
internal static class GeneratedWorld
{
    public static WorldDefinition Create(int characters = 200, int locations = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(characters, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(locations, 2);
        var width = (int)Math.Ceiling(Math.Sqrt(locations));
        var places = Enumerable.Range(0, locations).Select(i => Place(i, width, locations)).ToImmutableArray();
        // Even-numbered things lie in the streets; odd ones are carried, one per character, so every thing is placed.
        var items = Enumerable.Range(0, locations).Where(i => i % 2 == 0 || (i - 1) / 2 < characters).Select(Item).ToImmutableArray();
        var people = Enumerable.Range(0, characters).Select(i => Person(i, characters, locations)).ToImmutableArray();
        var sceneCount = Math.Max(1, characters / 10);
        var scenes = Enumerable.Range(0, sceneCount).Select(i => Scene(i, sceneCount, characters, locations)).ToImmutableArray();
        return new WorldDefinition
        {
            Info = new WorldInfo
            {
                Id = "generated",
                Title = "Generated Benchmark World",
                Premise = "A large world made by the content benchmark to measure loading and linting.",
                Setting = "A city of numbered streets.",
                StartScene = "scene-0",
                Flags = ["opened"],
                Extensions = new Extensions([KeyValuePair.Create<string, object?>("generator", "taleforge bench content")]),
            },
            Locations = places,
            Items = items,
            Characters = people,
            Scenes = scenes,
            Lore = [.. Enumerable.Range(0, 50).Select(Lore)],
        };
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);
    private static string LocationId(int i) => $"street-{N(i)}";
    private static string CharacterId(int i) => $"person-{N(i)}";

    private static LocationDefinition Place(int i, int width, int count)
    {
        var exits = ImmutableArray.CreateBuilder<ExitDefinition>();
        void Link(Direction direction, int target)
        {
            if (target >= 0 && target < count)
            {
                exits.Add(new ExitDefinition
                {
                    Direction = direction,
                    To = LocationId(target),
                    Requires = i % 7 == 0 ? new Predicate.Any([new Predicate.Flag("opened"), new Predicate.Carrying($"thing-{N(i - i % 2)}")]) : null,
                    Blocked = i % 7 == 0 ? "A gate bars the way." : null,
                    Audible = i % 3 == 0,
                });
            }
        }
        if (i % width != width - 1)
        {
            Link(Direction.East, i + 1);
        }
        if (i % width != 0)
        {
            Link(Direction.West, i - 1);
        }
        Link(Direction.South, i + width);
        Link(Direction.North, i - width);
        return new LocationDefinition
        {
            Id = LocationId(i),
            Name = $"Street {N(i)}",
            Description = $"Street number {N(i)}: cobbles, shuttered windows, a lamp post and the smell of rain on stone.",
            Exits = exits.ToImmutable(),
            Items = i % 2 == 0 ? [$"thing-{N(i)}"] : [],
            Details = [new DetailDefinition("lamp post", $"The lamp post is stamped with the number {N(i)}.")],
        };
    }

    private static ItemDefinition Item(int i) => new()
    {
        Id = $"thing-{N(i)}",
        Name = $"thing {N(i)}",
        Aliases = [$"t{N(i)}"],
        Description = "An ordinary thing, numbered.",
        Portable = i % 10 != 0,
        Properties = ImmutableDictionary<string, string>.Empty.Add("number", N(i)).Add("material", i % 2 == 0 ? "brass" : "wood"),
    };

    private static CharacterDefinition Person(int i, int count, int locations)
    {
        var carried = 2 * i + 1 < locations ? ImmutableArray.Create($"thing-{N(2 * i + 1)}") : [];
        return new CharacterDefinition
        {
            Id = CharacterId(i),
            Name = $"Person {N(i)}",
            Aliases = [$"P{N(i)}"],
            Pronouns = i % 2 == 0 ? "she/her" : "he/him",
            Description = $"Person number {N(i)}, in a coat the colour of the street.",
            Background = "Born in the city, never left it, knows every numbered street by its smell after rain.",
            Personality = new Personality
            {
                BigFive = new BigFive(0.1 + i % 9 * 0.1, 0.5, 0.25, 0.75, 0.5),
                Traits = ["patient", "curious", "stubborn"],
            },
            Speech = new SpeechStyle
            {
                Style = "Plain words, short sentences.",
                Examples = ["The streets are numbered for a reason.", "Rain again. Good."],
                Catchphrases = ["Numbers don't lie."],
            },
            Goals = new Goals { ShortTerm = ["Find the next street."], LongTerm = ["Walk every street once."] },
            Relationships = [.. Enumerable.Range(1, 3).Select(k => new Relationship(CharacterId((i + k) % count), "neighbourly") { Note = "Lives nearby." })],
            Knowledge = ["Every street has a lamp post.", "Things are numbered like streets."],
            Secrets = [new Secret { Id = "number", Text = $"Their real number is {N(count - i)}.", Keywords = ["real number"] }],
            Start = new CharacterStart
            {
                Location = LocationId(i * 2 % locations),
                Position = "by the lamp post",
                State = "rested",
                Emotion = "calm",
                Inventory = carried,
            },
            Player = i == 0,
            Authored = new AuthoredBehaviour
            {
                Lines =
                [
                    new AuthoredLine
                    {
                        Id = "greet",
                        When = new Predicate.All([new Predicate.Flag("opened"), new Predicate.Not(new Predicate.Flag($"met-{N(i)}"))]),
                        Action = "nods",
                        Say = "Evening.",
                        SetFlags = [$"met-{N(i)}"],
                    },
                    new AuthoredLine
                    {
                        Id = "wander",
                        When = new Predicate.At(CharacterId(i), LocationId(i * 2 % locations)),
                        Action = "walks on",
                        Act = new AuthoredAct.Go(LocationId((i * 2 + 1) % locations)),
                    },
                    new AuthoredLine
                    {
                        Id = "share",
                        When = carried.IsEmpty ? null : new Predicate.Carrying(carried[0]),
                        Action = "offers something",
                        Once = false,
                        Act = carried.IsEmpty ? null : new AuthoredAct.Give(carried[0], CharacterId((i + 1) % count)),
                    },
                ],
                Reactions =
                [
                    new AuthoredReaction { On = ["hello", "evening"], Action = "waves", Say = "Evening to you.", Emotion = "pleased" },
                    new AuthoredReaction { From = CharacterId((i + 1) % count), Action = "frowns", SetFlags = [$"annoyed-{N(i)}"], Once = true },
                ],
            },
        };
    }

    private static SceneDefinition Scene(int i, int count, int characters, int locations) => new()
    {
        Id = $"scene-{N(i)}",
        Title = $"Scene {N(i)}",
        Event = "Something happens on a numbered street.",
        Time = "evening",
        Location = LocationId(i * 17 % locations),
        Description = "Rain, lamps, cobbles.",
        Participants = [.. Enumerable.Range(0, 10).Select(k => CharacterId((i * 10 + k) % characters))],
        Opening = [new OpeningBeat(CharacterId(i * 10 % characters), "looks up at the rain") { Dialogue = "Here we go." }],
        End = new SceneEnd { MaxRounds = 12, When = new Predicate.Any([new Predicate.Flag($"done-{N(i)}"), new Predicate.RoundAtLeast(10)]) },
        Triggers =
        [
            new TriggerDefinition
            {
                Id = "finish",
                When = new Predicate.All([new Predicate.RoundAtLeast(5), new Predicate.ItemAt("thing-0", LocationId(0))]),
                Narrate = "The rain stops.",
                Environment = "Wet cobbles shine.",
                SetFlags = [$"done-{N(i)}"],
                ClearFlags = ["raining"],
            },
        ],
        Transitions = i + 1 < count ? [new SceneTransition($"scene-{N(i + 1)}") { When = new Predicate.Flag($"done-{N(i)}") }, new SceneTransition($"scene-{N(i + 1)}")] : [],
        TurnOrder = i % 2 == 0 ? TurnOrder.Reactive : TurnOrder.Fixed,
        Closing = "The street empties.",
    };

    private static LoreEntry Lore(int i) => new()
    {
        Id = $"lore-{N(i)}",
        Keys = [new LoreKey($"street {N(i)}", false), new LoreKey($"street-?{N(i)}\\b", true)],
        Text = $"Street {N(i)} was the {N(i)}th street laid in the city.",
        Priority = i % 5,
        Always = i == 0,
    };
}
