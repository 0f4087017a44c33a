namespace TaleForge.Tui.Story;

/// <summary>What kind of text a story line is, so the pane can colour it.</summary>
public enum StoryTone
{
    Narration,
    Speech,
    Heading,
    System,
    Refusal,
    Player,
    Plain,
}
