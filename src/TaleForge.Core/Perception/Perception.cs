using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;

namespace TaleForge.Core.Perception;

/// <summary>
/// Who perceives an event: those in the same place, those at either end of a move, and for speech also
/// those beyond an audible exit. A character's prompt is built only from events it perceived, which is how
/// knowledge boundaries are enforced by the engine rather than asked of the model.
/// </summary>
public static class Perception
{
    /// <param name="before">The state the event was applied to.</param>
    /// <param name="after">The state after it.</param>
    public static ImmutableArray<string> Observers(WorldState before, WorldState after, WorldEvent e)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(e);
        IEnumerable<string> observers = e switch
        {
            WorldEvent.Moved m => before.CharactersAt(m.From).Concat(after.CharactersAt(m.To)),
            WorldEvent.Gathered g => before.CharactersAt(g.From).Concat(after.CharactersAt(g.To)),
            WorldEvent.Said s => Hearers(before, s.Character),
            WorldEvent.Took t => Present(before, t.Character),
            WorldEvent.Dropped d => Present(before, d.Character),
            WorldEvent.Gave g => Present(before, g.Character),
            WorldEvent.Acted a => Present(before, a.Character),
            WorldEvent.Vetoed v => Present(before, v.Character),
            WorldEvent.PositionChanged p => Present(before, p.Character),
            WorldEvent.ConditionChanged c => Present(before, c.Character),
            WorldEvent.EmotionChanged m => Present(before, m.Character),
            WorldEvent.Noticed n => [n.Character],
            WorldEvent.MemoryAdded m => [m.Character],
            WorldEvent.BeliefsRevised b => [b.Character],
            // A scene's opening and closing are told to its cast wherever they stand, and to anyone there.
            WorldEvent.Narrated { Kind: NarrationKind.Opening or NarrationKind.Closing } n =>
                SceneCast(after).Concat(n.Location is { } at ? after.CharactersAt(at) : []),
            WorldEvent.Narrated { Location: { } at, Heard: Hearing.Everywhere } => after.Characters.Keys,
            WorldEvent.Narrated { Location: { } at, Heard: Hearing.Adjacent } => Around(after.World, at).SelectMany(after.CharactersAt),
            WorldEvent.Narrated { Location: { } at } => after.CharactersAt(at),
            WorldEvent.SceneStarted or WorldEvent.SceneEnded => SceneCast(after).Concat(AtSceneLocation(after)),
            WorldEvent.StoryEnded => after.Characters.Keys,
            WorldEvent.EnvironmentChanged => AtSceneLocation(after),
            // Narrator-only text and bookkeeping are perceived by no character.
            _ => [],
        };
        return [.. observers.Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Characters where this one is, itself included.</summary>
    public static IEnumerable<string> Present(WorldState state, string character) =>
        state.LocationOf(character) is { } location ? state.CharactersAt(location) : [character];

    /// <summary>Characters who can hear this one speak: same place, or through an audible exit either way.</summary>
    public static IEnumerable<string> Hearers(WorldState state, string speaker)
    {
        if (state.LocationOf(speaker) is not { } here)
        {
            return [speaker];
        }
        var places = new HashSet<string>(StringComparer.Ordinal) { here };
        foreach (var location in state.World.Locations)
        {
            foreach (var exit in location.Exits.Where(x => x.Audible))
            {
                if (location.Id == here)
                {
                    places.Add(exit.To);
                }
                else if (exit.To == here)
                {
                    places.Add(location.Id);
                }
            }
        }
        return state.Characters.Values.Where(c => places.Contains(c.Location)).Select(c => c.Id);
    }

    /// <summary>A place and every place one exit away from it, either way.</summary>
    public static IReadOnlySet<string> Around(WorldDefinition world, string location)
    {
        ArgumentNullException.ThrowIfNull(world);
        var places = new HashSet<string>(StringComparer.Ordinal) { location };
        foreach (var place in world.Locations)
        {
            if (place.Id == location)
            {
                places.UnionWith(place.Exits.Select(x => x.To));
            }
            else if (place.Exits.Any(x => x.To == location))
            {
                places.Add(place.Id);
            }
        }
        return places;
    }

    private static IEnumerable<string> SceneCast(WorldState state) =>
        state.Scene is { } scene && state.World.FindScene(scene.Id) is { } definition
            ? definition.Participants.Where(state.Characters.ContainsKey)
            : [];

    private static IEnumerable<string> AtSceneLocation(WorldState state) =>
        state.Scene is { } scene && state.World.FindScene(scene.Id) is { } definition
            ? state.CharactersAt(definition.Location)
            : [];
}
