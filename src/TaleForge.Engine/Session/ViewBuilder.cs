using System.Collections.Immutable;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Memory;

namespace TaleForge.Engine.Session;

/// <summary>Builds what one character may know right now, from the state and that character's observations.</summary>
public static class ViewBuilder
{
    /// <param name="seed">The episode seed, from which lore entries' probability rolls are derived.</param>
    public static CharacterView For(WorldState state, string id, ImmutableArray<Observation> observations, string? direction, long seed = 0)
    {
        var world = state.World;
        var self = state.Character(id);
        var names = new Names(world);
        var location = world.Location(self.Location);
        var scene = state.Scene;
        var sceneDefinition = scene is null ? null : world.FindScene(scene.Id);

        var people = state.Characters.Values
            .Where(c => c.Location == self.Location && c.Id != id)
            .Select(c =>
            {
                var definition = world.Character(c.Id);
                return new PresentCharacter(c.Id, definition.Name, definition.Description, c.Position, c.Condition, c.Emotion);
            });

        var lore = LoreSelection.Select(state, id, [.. observations.Select(o => o.Text)], seed, observations.IsEmpty ? 0 : observations[^1].Step);

        var known = world.Character(id).Relationships.Select(r => r.With)
            .Concat(state.CharactersAt(self.Location))
            .Concat(sceneDefinition?.Participants ?? [])
            .Where(other => other != id && world.FindCharacter(other) is not null)
            .Distinct()
            .ToImmutableSortedDictionary(other => other, other => world.Character(other).Name, StringComparer.Ordinal);

        return new CharacterView
        {
            KnownNames = known,
            Character = world.Character(id),
            Self = self,
            Language = world.Info.Language,
            WorldTitle = world.Info.Title,
            Premise = world.Info.Premise,
            Scene = new SceneSnapshot(
                scene?.Id ?? "",
                sceneDefinition?.Title ?? "",
                sceneDefinition?.Event ?? "",
                scene?.Time ?? "",
                scene?.Environment ?? "",
                scene?.Round ?? 0),
            Here = new Surroundings
            {
                Location = location,
                Exits = [.. location.Exits.Select(names.Exit)],
                Items = [.. state.ItemsAt(self.Location).Select(world.Item)],
                People = [.. people],
            },
            Inventory = [.. state.Inventory(id).Select(world.Item)],
            Observations = observations,
            Lore = lore,
            Direction = direction,
            Time = state.Clock,
            Script = new AuthorScript(state, id),
        };
    }
}
