using System.Text;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>The narrator's prompt: the world's voice first (stable), then the scene and this round (volatile).</summary>
public static class NarratorPrompt
{
    public static string Voice(NarratorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var info = view.State.World.Info;
        var text = new StringBuilder();
        text.Append($"You are the narrator of \"{info.Title}\", an interactive story. You describe what happens and judge its ")
            .Append("effects; you never decide what the characters do or say.\n");
        Line(text, "The story", info.Premise);
        Line(text, "Setting", info.Setting);
        Line(text, "Tone", info.Tone);
        Line(text, "Narration style", info.NarrationStyle);
        text.Append(PromptText.LanguageRule(info.Language)).Append('\n');
        return text.ToString();
    }

    /// <summary>The scene, who is where, the story so far and this round's events, cut to at most <paramref name="recent"/> events.</summary>
    public static string Scene(NarratorView view, int recent)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = view.State;
        var world = state.World;
        var names = new Names(world);
        var text = new StringBuilder();
        if (SceneRules.Current(state) is { } scene)
        {
            text.Append($"Scene: {scene.Title} ({scene.Event}), round {state.Scene!.Round}, at {names.Location(scene.Location)}.\n");
            Line(text, "Time", state.Scene.Time);
            Line(text, "Environment", state.Scene.Environment);
        }
        PromptText.Section(text, "Characters:", state.Characters.Values
            .Where(c => view.Round.Any(e => e.Observed.Observers.Contains(c.Id)) || c.Location == SceneRules.Current(state)?.Location)
            .Select(c =>
            {
                var carried = state.Inventory(c.Id).Select(names.Item).ToList();
                var parts = new[] { names.Location(c.Location), c.Position, c.Condition, c.Emotion, carried.Count > 0 ? "carrying " + string.Join(", ", carried) : "" };
                return $"{names.Character(c.Id)} [{c.Id}]: {string.Join("; ", parts.Where(p => p.Length > 0))}";
            }));
        Line(text, "The story so far", view.StorySoFar);
        PromptText.Section(text, "This round:", view.Round.TakeLast(recent)
            .Select(e => EventText.Describe(e.Event, state, viewer: null))
            .OfType<string>());
        return text.ToString();
    }

    public static string Turn(NarratorView view, TurnInProgress turn)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(turn);
        var names = new Names(view.State.World);
        var text = new StringBuilder($"{names.Character(turn.Actor)} [{turn.Actor}] acted: {turn.Decision.Action}");
        if (turn.Decision.Dialogue is { Length: > 0 } line)
        {
            text.Append($" and said \"{line}\"");
        }
        text.Append(turn.Refused ? ". The attempt failed: the world did not allow it." : ".");
        foreach (var reaction in turn.Reactions)
        {
            text.Append($" {names.Character(reaction.Character)} reacted: {reaction.Reaction.Action}");
            if (reaction.Reaction.Dialogue is { Length: > 0 } answer)
            {
                text.Append($" and said \"{answer}\"");
            }
            text.Append('.');
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value)
    {
        if (value.Length > 0)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }
    }
}
