using System.Text.Json.Nodes;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>
/// One scene of one trajectory in CharacterBox's five record kinds, each one JSON line as their simulator
/// appends it: <c>{title, scene_id, scene, characters, record}</c> (<c>all</c> adds total_cost and duration).
/// </summary>
public sealed record CharacterBoxRun(string Scene, JsonObject Plot, JsonObject Character, JsonObject Round, JsonObject Narrator, JsonObject All)
{
    /// <summary>The record kinds, in CharacterBox's names; each is written to its own file.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["character", "narrator", "round", "plot", "all"];

    public JsonObject this[string kind] => kind switch
    {
        "character" => Character,
        "narrator" => Narrator,
        "round" => Round,
        "plot" => Plot,
        "all" => All,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"CharacterBox's record kinds are {string.Join(", ", Kinds)}."),
    };
}

/// <summary>
/// A trajectory in CharacterBox's record shapes, so their evaluator scripts read our runs: per scene of the
/// main branch, the characters' actions, dialogue and reactions with the inputs their judge reads (event, time,
/// location, description, character description, observation, text), the narrator's influence, result, update
/// and scene calls, the rounds, the plot summaries and directions, and every model call. Needs the world (for
/// scene and character descriptions), checked against the trajectory's hash by the caller.
/// </summary>
public static class CharacterBoxRecords
{
    public static IEnumerable<CharacterBoxRun> From(TrajectoryFile trajectory, WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(world);
        var state = WorldState.Initial(world);
        CharacterBoxScene? scene = null;
        foreach (var record in trajectory.MainBranch())
        {
            if (record is EventRecord e)
            {
                state = state.Apply(e.Event);
                if (e.Event is WorldEvent.SceneStarted started)
                {
                    if (scene is not null)
                    {
                        yield return scene.Finish(state);
                    }
                    scene = new CharacterBoxScene(trajectory, world, started.Scene);
                }
                scene?.Add(e, state);
            }
            else if (record is CallRecord call)
            {
                scene?.Add(call, state);
            }
        }
        if (scene is not null)
        {
            yield return scene.Finish(state);
        }
    }
}
