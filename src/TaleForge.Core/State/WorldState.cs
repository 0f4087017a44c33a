using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;

namespace TaleForge.Core.State;

/// <summary>
/// The world as it is now: a fold of <see cref="WorldEvent"/>s over <see cref="Initial"/>. Immutable, so every
/// step of a play-through can be kept, compared or branched from at the cost of a reference.
/// </summary>
public sealed record WorldState
{
    public required WorldDefinition World { get; init; }
    public ImmutableSortedDictionary<string, CharacterState> Characters { get; init; } =
        ImmutableSortedDictionary<string, CharacterState>.Empty.WithComparers(StringComparer.Ordinal);
    public ImmutableSortedDictionary<string, ItemPlace> Items { get; init; } =
        ImmutableSortedDictionary<string, ItemPlace>.Empty.WithComparers(StringComparer.Ordinal);
    public ImmutableSortedSet<string> Flags { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
    public GameTime Clock { get; init; }
    public SceneState? Scene { get; init; }

    /// <summary>Authored lines already used, as "character/line".</summary>
    public ImmutableHashSet<string> UsedLines { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Set once the story has ended; no further turns are played.</summary>
    public string? Ending { get; init; }

    public bool IsOver => Ending is not null;

    /// <summary>The state before anything happens: everyone and everything where the author put them.</summary>
    public static WorldState Initial(WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var firstSceneLocation = (world.FindScene(world.Info.StartScene) ?? world.Scenes.FirstOrDefault())?.Location
            ?? world.Locations.FirstOrDefault()?.Id ?? "";

        // A mood the author left out is the phrasebook's, so a Chinese world's prompts never hold the English default.
        var unstated = Phrasing.Phrasebook.For(world.Info.Language).UnstatedEmotion;
        var characters = world.Characters.ToImmutableSortedDictionary(
            c => c.Id,
            c => new CharacterState
            {
                Id = c.Id,
                Location = c.Start.Location.Length > 0 ? c.Start.Location : firstSceneLocation,
                Position = c.Start.Position,
                Condition = c.Start.State,
                Emotion = c.Start.Emotion == CharacterStart.UnstatedEmotion ? unstated : c.Start.Emotion,
            },
            StringComparer.Ordinal);

        var items = ImmutableSortedDictionary.CreateBuilder<string, ItemPlace>(StringComparer.Ordinal);
        foreach (var item in world.Items)
        {
            items[item.Id] = ItemPlace.Nowhere;
        }
        foreach (var location in world.Locations)
        {
            foreach (var item in location.Items)
            {
                items[item] = ItemPlace.At(location.Id);
            }
        }
        foreach (var character in world.Characters)
        {
            foreach (var item in character.Start.Inventory)
            {
                items[item] = ItemPlace.CarriedBy(character.Id);
            }
        }

        return new WorldState
        {
            World = world,
            Characters = characters,
            Items = items.ToImmutable(),
            Flags = world.Info.Flags.ToImmutableSortedSet(StringComparer.Ordinal),
            Clock = new GameTime(world.Info.Clock.Day, world.Info.Clock.Start.Hour * 60 + world.Info.Clock.Start.Minute),
        };
    }

    public CharacterState Character(string id) =>
        Characters.TryGetValue(id, out var c) ? c : throw new KeyNotFoundException($"No character '{id}' in play.");

    public string? LocationOf(string character) => Characters.TryGetValue(character, out var c) ? c.Location : null;

    public IEnumerable<string> Inventory(string character) =>
        Items.Where(p => p.Value.Holder == character).Select(p => p.Key);

    public IEnumerable<string> ItemsAt(string location) =>
        Items.Where(p => p.Value.Location == location).Select(p => p.Key);

    public IEnumerable<string> CharactersAt(string location) =>
        Characters.Values.Where(c => c.Location == location).Select(c => c.Id);

    public bool Carries(string character, string item) =>
        Items.TryGetValue(item, out var place) && place.Holder == character;

    public WorldState Apply(IEnumerable<WorldEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = this;
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        return state;
    }

    /// <summary>The state after one event. Events were checked by the rules before; this only records them.</summary>
    public WorldState Apply(WorldEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            WorldEvent.SceneStarted s => this with
            {
                Scene = new SceneState
                {
                    Id = s.Scene,
                    Environment = World.FindScene(s.Scene)?.Description ?? "",
                    Time = World.FindScene(s.Scene)?.Time ?? "",
                },
            },
            WorldEvent.RoundStarted r => WithScene(scene => scene with { Round = r.Round }),
            WorldEvent.SceneEnded => this,
            WorldEvent.StoryEnded s => this with { Ending = s.Reason },
            WorldEvent.ClockAdvanced c => this with { Clock = Clock.Advance(c.Minutes) },
            WorldEvent.Moved m => WithCharacter(m.Character, c => c with { Location = m.To, Position = "" }),
            WorldEvent.Gathered g => WithCharacter(g.Character, c => c with { Location = g.To, Position = "" }),
            WorldEvent.Took t => this with { Items = Items.SetItem(t.Item, ItemPlace.CarriedBy(t.Character)) },
            WorldEvent.Dropped d => this with { Items = Items.SetItem(d.Item, ItemPlace.At(d.At)) },
            WorldEvent.Gave g => this with { Items = Items.SetItem(g.Item, ItemPlace.CarriedBy(g.To)) },
            WorldEvent.PositionChanged p => WithCharacter(p.Character, c => c with { Position = p.Position }),
            WorldEvent.ConditionChanged s => WithCharacter(s.Character, c => c with { Condition = s.Condition }),
            WorldEvent.EmotionChanged m => WithCharacter(m.Character, c => c with { Emotion = m.Emotion }),
            WorldEvent.EnvironmentChanged env => WithScene(scene => scene with
            {
                Environment = env.Description,
                Time = env.Time ?? scene.Time,
            }),
            WorldEvent.FlagSet f => this with { Flags = Flags.Add(f.Flag) },
            WorldEvent.FlagCleared f => this with { Flags = Flags.Remove(f.Flag) },
            WorldEvent.TriggerFired t => WithScene(scene => scene with { FiredTriggers = scene.FiredTriggers.Add(t.Trigger) }),
            WorldEvent.LineUsed l => this with { UsedLines = UsedLines.Add($"{l.Character}/{l.Line}") },
            WorldEvent.MemoryAdded m => WithCharacter(m.Character, c => c with { Memories = c.Memories.Add(m.Memory) }),
            WorldEvent.BeliefsRevised b => WithCharacter(b.Character, c => c with { Beliefs = b.Beliefs }),
            // Speech, actions, vetoes, private notices and narration change what characters know, not the world.
            WorldEvent.Said or WorldEvent.Acted or WorldEvent.Vetoed or WorldEvent.Noticed or WorldEvent.Narrated => this,
            _ => throw new ArgumentOutOfRangeException(nameof(e), e, "An event kind the state does not know how to apply."),
        };
    }

    private WorldState WithCharacter(string id, Func<CharacterState, CharacterState> change) =>
        Characters.TryGetValue(id, out var c) ? this with { Characters = Characters.SetItem(id, change(c)) } : this;

    private WorldState WithScene(Func<SceneState, SceneState> change) =>
        Scene is null ? this : this with { Scene = change(Scene) };
}
