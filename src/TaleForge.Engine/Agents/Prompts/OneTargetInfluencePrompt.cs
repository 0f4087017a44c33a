namespace TaleForge.Engine.Agents.Prompts;

/// <summary>The narrator's influence question under CharacterBox's way of asking: the one character an action affects.</summary>
public static class OneTargetInfluencePrompt
{
    public static string Task(IEnumerable<string> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        return $" Which ONE of {string.Join(", ", present)} does this physically affect, and how (impact: the concrete effect "
            + "on that character's state or situation, one sentence)? Only someone who can perceive the action can be "
            + "affected; if no one is, give an empty list.";
    }
}
