using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;

namespace TaleForge.Content.Lint;

/// <summary>
/// A world has somewhere to be and something to play; every location can be walked to from where characters
/// start or scenes are staged (conditions on exits aside); every scene can be reached; someone can be played.
/// </summary>
internal static class ReachabilityRules
{
    public static void Check(LintContext c)
    {
        var world = c.World;
        if (world.Locations.IsEmpty)
        {
            c.Error(SourcePath.World, DiagnosticCodes.EmptyWorld, "the world has no locations",
                "add a 'locations:' section with at least one location (id and name)");
        }
        if (world.Scenes.IsEmpty)
        {
            c.Error(SourcePath.World, DiagnosticCodes.EmptyWorld, "the world has no scenes",
                "add a 'scenes:' section with at least one scene (id, location, participants, end)");
        }
        if (!world.Characters.IsEmpty && !world.Characters.Any(ch => ch.Player))
        {
            c.Warning(SourcePath.World, DiagnosticCodes.NoPlayer, "no character has 'player: true', so no one can play this world",
                "add 'player: true' to the character a human plays");
        }
        CheckLocations(c);
        CheckScenes(c);
    }

    private static void CheckLocations(LintContext c)
    {
        var world = c.World;
        var startScene = world.FindScene(world.Info.StartScene) ?? (world.Scenes.IsEmpty ? null : world.Scenes[0]);
        var firstScene = startScene?.Location ?? "";
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        void Visit(string id)
        {
            if (id.Length > 0 && world.FindLocation(id) is not null && reached.Add(id))
            {
                queue.Enqueue(id);
            }
        }
        foreach (var character in world.Characters)
        {
            Visit(character.Start.Location.Length > 0 ? character.Start.Location : firstScene);
        }
        foreach (var scene in world.Scenes)
        {
            Visit(scene.Location);
        }
        while (queue.TryDequeue(out var id))
        {
            foreach (var exit in world.Location(id).Exits)
            {
                Visit(exit.To);
            }
        }
        foreach (var (location, path) in LintContext.WithPaths(world.Locations, "location", l => l.Id))
        {
            if (!reached.Contains(location.Id))
            {
                c.Warning(path, DiagnosticCodes.UnreachableLocation,
                    $"no one can reach the location '{location.Id}': no character starts there, no scene is set there, and no exit leads there",
                    "add an exit to it from a connected location, or remove it");
            }
        }
    }

    private static void CheckScenes(LintContext c)
    {
        var world = c.World;
        if (world.Scenes.IsEmpty)
        {
            return;
        }
        var start = world.Info.StartScene.Length > 0 ? world.Info.StartScene : world.Scenes[0].Id;
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var transition in world.FindScene(id)?.Transitions ?? [])
            {
                if (reached.Add(transition.To))
                {
                    queue.Enqueue(transition.To);
                }
            }
        }
        foreach (var (scene, path) in LintContext.WithPaths(world.Scenes, "scene", s => s.Id))
        {
            if (!reached.Contains(scene.Id))
            {
                c.Warning(path, DiagnosticCodes.UnreachableScene,
                    $"the scene '{scene.Id}' is never played: it is not the start scene and no transition leads to it",
                    $"add a transition to it from another scene, or make it the world's start_scene");
            }
        }
    }
}
