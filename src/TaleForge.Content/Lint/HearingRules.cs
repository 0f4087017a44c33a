using TaleForge.Content.Diagnostics;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Lint;

/// <summary>
/// A trigger's narration reaches a player only where it is heard (<c>heard:</c>): the scene's location, the
/// places next to it, or everywhere. Narration heard only where no player character can ever stand is flagged.
/// Exits' conditions are not weighed: a place behind a locked door counts as reachable.
/// </summary>
internal static class HearingRules
{
    public static void Check(LintContext c)
    {
        var world = c.World;
        var players = world.Characters.Where(ch => ch.Player).ToList();
        if (players.Count == 0 || world.Scenes.IsEmpty)
        {
            return;
        }
        var reachable = PlayerReach(world, players);
        foreach (var (scene, path) in LintContext.WithPaths(world.Scenes, "scene", s => s.Id))
        {
            for (var i = 0; i < scene.Triggers.Length; i++)
            {
                var trigger = scene.Triggers[i];
                if (trigger.Narrate.Length == 0 || trigger.Heard == Hearing.Everywhere || world.FindLocation(scene.Location) is null)
                {
                    continue;
                }
                IReadOnlySet<string> heard = trigger.Heard == Hearing.Adjacent
                    ? Core.Perception.Perception.Around(world, scene.Location)
                    : new HashSet<string>(StringComparer.Ordinal) { scene.Location };
                if (!heard.Overlaps(reachable))
                {
                    var where = trigger.Heard == Hearing.Adjacent ? $"at '{scene.Location}' and the places next to it" : $"only at '{scene.Location}'";
                    c.Warning(path.Field("triggers").Index(i).Field("narrate"), DiagnosticCodes.NarrationNeverHeard,
                        $"the narration of trigger '{trigger.Id}' of scene '{scene.Id}' can never be heard: it is heard {where}, and no player character can get there",
                        "add an exit that leads there from where the player goes, or widen it with 'heard: adjacent' or 'heard: everywhere'");
                }
            }
        }
    }

    /// <summary>Where a player character can stand: where one starts or is gathered to, and every place exits lead from there.</summary>
    private static HashSet<string> PlayerReach(WorldDefinition world, List<CharacterDefinition> players)
    {
        var startScene = world.FindScene(world.Info.StartScene) ?? world.Scenes[0];
        var ids = players.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var starts = players.Select(p => p.Start.Location.Length > 0 ? p.Start.Location : startScene.Location)
            .Concat(world.Scenes.Where(s => s.Gather && s.Participants.Any(ids.Contains)).Select(s => s.Location));
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var start in starts)
        {
            if (world.FindLocation(start) is not null && reached.Add(start))
            {
                queue.Enqueue(start);
            }
        }
        while (queue.TryDequeue(out var id))
        {
            foreach (var exit in world.Location(id).Exits.Where(x => world.FindLocation(x.To) is not null && reached.Add(x.To)))
            {
                queue.Enqueue(exit.To);
            }
        }
        return reached;
    }
}
