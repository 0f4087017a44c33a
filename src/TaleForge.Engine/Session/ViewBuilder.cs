using System.Collections.Immutable;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Memory;

namespace TaleForge.Engine.Session;

/// <summary>Builds what one character may know right now, from the state and that character's observations.</summary>
public static class ViewBuilder
{
    /// <summary>How many recent observations decide which lore is active.</summary>
    private const int LoreScanDepth = 8;

    public static CharacterView For(WorldState state, string id, ImmutableArray<Observation> observations, string? direction)
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

        var recent = string.Join("\n", observations.TakeLast(LoreScanDepth).Select(o => o.Text));
        var lore = world.Lore.Where(entry => entry.IsActivatedBy(recent))
            .OrderByDescending(entry => entry.Priority).ThenBy(entry => entry.Id, StringComparer.Ordinal);

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
            Lore = [.. lore],
            Direction = direction,
            Time = state.Clock,
            Script = new AuthorScript(state, id),
        };
    }
}
