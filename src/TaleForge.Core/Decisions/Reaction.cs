namespace TaleForge.Core.Decisions;

/// <summary>A visible response by a character affected by another's turn; unlike CharacterBox, it may speak.</summary>
public sealed record Reaction(string Action)
{
    public string? Dialogue { get; init; }
    public string? Emotion { get; init; }

    /// <summary>A world change the reaction performs (handing over a key), checked by the rules.</summary>
    public WorldCommand? Command { get; init; }

    /// <summary>Set when the reaction is an authored one.</summary>
    public AuthoredCue? Line { get; init; }
}
