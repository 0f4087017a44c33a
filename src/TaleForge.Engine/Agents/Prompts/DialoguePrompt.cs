namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// The second of a turn's two questions under CharacterBox's way of asking: the one line the character says at
/// the moment it does the action it has just chosen.
/// </summary>
public static class DialoguePrompt
{
    public static string Task(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return $"Your action now: you {action}. What do you say as you do it? Give dialogue: one line, true to your "
            + "profile and the way you speak, bearing on what is happening here, and unlike what you have said before.";
    }
}
