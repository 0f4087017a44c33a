using TaleForge.Core.Decisions;

namespace TaleForge.Engine.Play;

/// <summary>What a line typed by the player means.</summary>
public abstract record PlayerInput
{
    private PlayerInput() { }

    /// <summary>Something to do on the player's turn: act, speak, move, narrate.</summary>
    public sealed record Turn(CharacterTurn Decision) : PlayerInput;

    /// <summary>A question that costs no turn: look, examine, inventory.</summary>
    public sealed record Ask(Query Query) : PlayerInput;

    /// <summary>A command about the game rather than in it: /undo, /save, /help…</summary>
    public sealed record Meta(MetaCommand Command, string Argument) : PlayerInput;

    /// <summary>Nothing was typed.</summary>
    public sealed record Empty : PlayerInput;
}

public enum MetaCommand
{
    Help,
    Undo,
    Redo,
    Retry,
    Save,
    Load,
    Quit,
    Unknown,
}
