namespace TaleForge.Tui.Story;

/// <summary>One paragraph of the story pane: its text, its tone, and who speaks it (for a colour per speaker).</summary>
public sealed record StoryLine(string Text, StoryTone Tone, string? Speaker = null);
