using System.Collections.Immutable;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;

namespace TaleForge.Engine.Play;

/// <summary>
/// What the player's character can see right now, as one typed value a view lays out as it likes (a status line,
/// a side panel): the place and its exits, the people there and how they look, the things there and those carried,
/// the time, and the scene with what is at stake. Names are display names in the world's language.
/// </summary>
public sealed record PlayerView
{
    public required string Character { get; init; }
    public required string Name { get; init; }
    public required string Place { get; init; }
    public required string PlaceDescription { get; init; }
    public required ImmutableArray<string> Exits { get; init; }
    public required ImmutableArray<PersonInView> People { get; init; }
    public required ImmutableArray<string> Items { get; init; }
    public required ImmutableArray<string> Inventory { get; init; }
    public required GameTime Time { get; init; }

    /// <summary>The current scene; null before the first scene opens and after the story ends.</summary>
    public SceneInView? Scene { get; init; }

    public bool StoryOver { get; init; }

    public bool Equals(PlayerView? other) =>
        other is not null && Character == other.Character && Name == other.Name && Place == other.Place
        && PlaceDescription == other.PlaceDescription && Exits.SequenceEqual(other.Exits) && People.SequenceEqual(other.People)
        && Items.SequenceEqual(other.Items) && Inventory.SequenceEqual(other.Inventory) && Time == other.Time
        && Equals(Scene, other.Scene) && StoryOver == other.StoryOver;

    public override int GetHashCode() => HashCode.Combine(Character, Place, Time);

    /// <summary>The view of <paramref name="character"/> in <paramref name="state"/>; reads the state, changes nothing.</summary>
    public static PlayerView Of(WorldState state, string character)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(character);
        var world = state.World;
        var names = new Names(world);
        var self = state.Character(character);
        var location = world.Location(self.Location);
        var scene = state.Scene is { } running && world.FindScene(running.Id) is { } definition
            ? new SceneInView(running.Id, definition.Title, definition.Event, running.Round, running.Time, running.Environment, world.Character(character).Goals.ShortTerm)
            : null;
        return new PlayerView
        {
            Character = character,
            Name = names.Character(character),
            Place = location.Name,
            PlaceDescription = location.Description,
            Exits = [.. location.Exits.Select(names.Exit)],
            People = [.. state.CharactersAt(self.Location).Where(c => c != character).Select(id =>
            {
                var other = state.Character(id);
                return new PersonInView(id, names.Character(id), other.Position, other.Condition, other.Emotion);
            })],
            Items = [.. state.ItemsAt(self.Location).Select(world.Item).Select(i => i.Name)],
            Inventory = [.. state.Inventory(character).Select(world.Item).Select(i => i.Name)],
            Time = state.Clock,
            Scene = scene,
            StoryOver = state.IsOver,
        };
    }
}

/// <summary>Someone the player can see, as they look: where they stand, their condition, their mood.</summary>
public sealed record PersonInView(string Id, string Name, string Position, string Condition, string Emotion);

/// <summary>The scene being played: its title, what is happening, the round, and the player's own aims in it.</summary>
public sealed record SceneInView(string Id, string Title, string Situation, int Round, string Time, string Environment, ImmutableArray<string> Goals)
{
    public bool Equals(SceneInView? other) =>
        other is not null && Id == other.Id && Title == other.Title && Situation == other.Situation && Round == other.Round
        && Time == other.Time && Environment == other.Environment && Goals.SequenceEqual(other.Goals);

    public override int GetHashCode() => HashCode.Combine(Id, Round);
}
