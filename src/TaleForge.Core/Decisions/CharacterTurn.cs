using System.Collections.Immutable;

namespace TaleForge.Core.Decisions;

/// <summary>
/// What a character does on its turn: one visible action, an optional spoken line, and optionally a command
/// that changes the world. The same type whether a person, a model or an authored line decided it.
/// </summary>
public sealed record CharacterTurn
{
    /// <summary>The visible action in prose ("leans over the chart"); may be empty when only speaking.</summary>
    public string Action { get; init; } = "";

    public string? Dialogue { get; init; }

    public WorldCommand? Command { get; init; }

    /// <summary>Characters the action or line is directed at (ids).</summary>
    public ImmutableArray<string> Targets { get; init; } = [];

    /// <summary>Story-mode text: the player narrates rather than acts.</summary>
    public string? Story { get; init; }

    /// <summary>How the character now feels, if the turn changes it.</summary>
    public string? Emotion { get; init; }

    /// <summary>Set when the turn is an authored line.</summary>
    public AuthoredCue? Line { get; init; }

    public static CharacterTurn Waiting(string action) => new() { Action = action };

    public bool Equals(CharacterTurn? other) =>
        other is not null && Action == other.Action && Dialogue == other.Dialogue && Equals(Command, other.Command)
        && Targets.SequenceEqual(other.Targets) && Story == other.Story && Emotion == other.Emotion && Equals(Line, other.Line);

    public override int GetHashCode() => HashCode.Combine(Action, Dialogue, Command);
}
