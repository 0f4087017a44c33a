namespace TaleForge.Engine.Agents.Prompts;

/// <summary>
/// The first of a turn's two questions under CharacterBox's way of asking: one physical action and nothing said,
/// with the command that carries it out in the world, its one target and the feeling behind it.
/// </summary>
public static class ActionPrompt
{
    public static string Task(IEnumerable<string> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return "It is your turn. Decide your next specific physical action: something anyone here can see you do, that "
            + "follows from the scene, your recent memories and any note for this round, differs from what you did before, "
            + "and moves the scene or your aims forward. No speech and no thoughts: the action alone. Give action (third "
            + "person present tense, without your name, e.g. \"leans on the rail\"); command (one of: "
            + string.Join(" | ", commands) + "); target (the id of the one person your action is aimed at, or \"\"); "
            + "emotion (how you feel now).";
    }
}
