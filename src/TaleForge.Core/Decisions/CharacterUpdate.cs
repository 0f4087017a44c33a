namespace TaleForge.Core.Decisions;

/// <summary>The narrator's proposed change to a character after a turn; null fields stay as they are.</summary>
public sealed record CharacterUpdate(string Character)
{
    public string? Position { get; init; }
    public string? Condition { get; init; }
    public string? Emotion { get; init; }
}
