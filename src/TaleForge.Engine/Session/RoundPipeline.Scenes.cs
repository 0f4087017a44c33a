using TaleForge.Core.Events;
using TaleForge.Core.Rules;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

internal sealed partial class RoundPipeline
{
    /// <summary>Opens a scene: its environment, then its opening beats as round 0.</summary>
    private PhaseOutcome SetUpScene(NarratorState narrator)
    {
        var world = session.State.World;
        var id = narrator.NextScene
            ?? (world.Info.StartScene.Length > 0 ? world.Info.StartScene : world.Scenes.FirstOrDefault()?.Id);
        if (id is null || world.FindScene(id) is not { } scene)
        {
            session.Append(new WorldEvent.StoryEnded("no scene to play"));
            return new PhaseOutcome(NarratorTrigger.StoryOver, narrator);
        }

        session.Append(new WorldEvent.SceneStarted(scene.Id));
        if (scene.Gather)
        {
            foreach (var member in scene.Participants.Where(p => session.State.LocationOf(p) is { } at && at != scene.Location))
            {
                session.Append(new WorldEvent.Gathered(member, session.State.LocationOf(member)!, scene.Location), member);
            }
        }
        if (scene.Description.Length > 0)
        {
            session.Append(new WorldEvent.Narrated(scene.Description, NarrationKind.Opening) { Location = scene.Location });
        }
        foreach (var beat in scene.Opening.Where(b => session.State.Characters.ContainsKey(b.Actor)))
        {
            if (beat.Action.Length > 0)
            {
                session.Append(new WorldEvent.Acted(beat.Actor, beat.Action), beat.Actor);
            }
            if (beat.Dialogue is { Length: > 0 } line)
            {
                session.Append(new WorldEvent.Said(beat.Actor, line), beat.Actor);
            }
        }
        FireTriggers();
        return new PhaseOutcome(NarratorTrigger.SceneOpened, narrator with { NextScene = null, Queue = [.. Participants()], Completed = [], Turn = null });
    }

    /// <summary>Closes the scene and moves on by the first transition whose condition holds, or ends the story.</summary>
    private PhaseOutcome EndScene(NarratorState narrator)
    {
        var scene = SceneRules.Current(session.State)!;
        var reason = SceneRules.GoalReached(session.State) ? "goal" : "rounds";
        session.Append(new WorldEvent.SceneEnded(scene.Id, reason));
        if (scene.Closing.Length > 0)
        {
            session.Append(new WorldEvent.Narrated(scene.Closing, NarrationKind.Closing) { Location = scene.Location });
        }

        var next = session.Options.StopAfterScene ? null : SceneRules.NextScene(session.State);
        if (next is null)
        {
            session.Append(new WorldEvent.StoryEnded(scene.Id));
            return new PhaseOutcome(NarratorTrigger.StoryOver, narrator);
        }
        return new PhaseOutcome(NarratorTrigger.NextScene, new NarratorState { Phase = narrator.Phase, NextScene = next });
    }
}
