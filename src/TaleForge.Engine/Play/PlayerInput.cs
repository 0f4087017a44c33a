using TaleForge.Core.Decisions;

namespace TaleForge.Engine.Play;

/// <summary>What a line typed by the player means.</summary>
public abstract record PlayerInput
{
    private PlayerInput() { }

    /// <summary>Something to do on the player's turn: act, speak, move, narrate.</summary>
    /// <param name="FreeAction">The action as typed, when it is one the rules do not know ("fill lamp with paraffin").</param>
    public sealed record Turn(CharacterTurn Decision, string? FreeAction = null) : PlayerInput;

    /// <summary>A question that costs no turn: look, examine, inventory.</summary>
    public sealed record Ask(Query Query) : PlayerInput;

    /// <summary>A command about the game rather than in it: /undo, /save, /help…</summary>
    public sealed record Meta(MetaCommand Command, string Argument) : PlayerInput;

    /// <summary>A verb that needs a noun and came without one ("take"): the game asks what, and reads the answer.</summary>
    public sealed record Incomplete(MissingNoun Verb) : PlayerInput;

    /// <summary><c>take all</c> or <c>drop all</c>: every portable thing here, or everything carried.</summary>
    public sealed record Everything(bool Take) : PlayerInput;

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

    /// <summary>The last command again (again, g).</summary>
    Again,

    /// <summary>Back to the opening (restart); the play so far stays in the record as a branch.</summary>
    Restart,

    /// <summary>Describe every place in full on arrival.</summary>
    Verbose,

    /// <summary>Describe places in full only the first time.</summary>
    Brief,

    /// <summary>Show each turn's time and tokens per second (on/off).</summary>
    Timing,
}

/// <summary>The verbs that need a noun, for the question a bare one gets ("Take what?").</summary>
public enum MissingNoun
{
    Take,
    Drop,
    Examine,
    Give,
    Go,
    TalkTo,
}
