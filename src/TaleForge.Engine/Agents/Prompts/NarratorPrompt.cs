using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// The narrator's prompt: the world's voice first (stable), then the scene and this round (volatile). The wording is
/// the prompt set's; this class only gathers what the narrator is shown.
/// </summary>
public static class NarratorPrompt
{
    public static string Voice(PromptSet prompts, NarratorView view)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(view);
        var info = view.State.World.Info;
        return prompts.Render(EnginePrompts.NarratorVoice, info.Language, new VoiceFields
        {
            Language = info.Language,
            Title = info.Title,
            Premise = info.Premise,
            Setting = info.Setting,
            Tone = info.Tone,
            NarrationStyle = info.NarrationStyle,
        });
    }

    /// <summary>The scene, who is where, the story so far and this round's events, cut to at most <paramref name="recent"/> events.</summary>
    public static string Scene(PromptSet prompts, NarratorView view, int recent)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(view);
        var state = view.State;
        var world = state.World;
        var names = new Names(world);
        var current = SceneRules.Current(state);
        return prompts.Render(EnginePrompts.NarratorScene, world.Info.Language, new NarratorSceneFields
        {
            Scene = current is null ? null
                : new NarratedSceneFields(current.Title, current.Event, state.Scene!.Round, names.Location(current.Location), state.Scene.Time, state.Scene.Environment),
            Characters = [.. state.Characters.Values
                .Where(c => view.Round.Any(e => e.Observed.Observers.Contains(c.Id)) || c.Location == current?.Location)
                .Select(c => new CastMemberFields(names.Character(c.Id), c.Id, names.Location(c.Location), c.Position, c.Condition, c.Emotion,
                    [.. state.Inventory(c.Id).Select(names.Item)]))],
            StorySoFar = view.StorySoFar,
            Round = [.. view.Round.TakeLast(recent).Select(e => e.Narration).OfType<string>().Where(n => n.Length > 0)],
        });
    }

    /// <summary>What the actor did, said and met with, as every question about the turn begins.</summary>
    public static string Turn(PromptSet prompts, NarratorView view, TurnInProgress turn)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(turn);
        var names = new Names(view.State.World);
        return prompts.Render(EnginePrompts.NarratorTurn, view.State.World.Info.Language, new TurnFields(
            names.Character(turn.Actor), turn.Actor, turn.Decision.Action, turn.Decision.Dialogue ?? "", turn.Refused,
            [.. turn.Reactions.Select(r => new TurnReactionFields(names.Character(r.Character), r.Reaction.Action, r.Reaction.Dialogue ?? ""))]));
    }
}
