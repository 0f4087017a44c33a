namespace TaleForge.Engine.Agents.Prompts;

/// <summary>A reaction under CharacterBox's way of asking: a visible response only, nothing said.</summary>
public static class VisibleReactionPrompt
{
    public static string Task(ReactionCue cue)
    {
        ArgumentNullException.ThrowIfNull(cue);
        var said = cue.Dialogue is { Length: > 0 } line ? $" and says \"{line}\"" : "";
        var impact = cue.Impact.Length > 0 ? $" This affects you: {cue.Impact}." : "";
        return $"{cue.ActorName} {cue.Action}{said}.{impact} React with one visible, physical response that others can "
            + "see, true to your personality, position and state; no speech and no thoughts. Give action (third person "
            + "present tense, without your name) and emotion (how you feel now); dialogue stays \"\".";
    }
}
