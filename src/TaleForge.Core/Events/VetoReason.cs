namespace TaleForge.Core.Events;

/// <summary>
/// Why the rules refused a command. Kept as data, not text, so each viewer reads it in its own person and
/// language ("You aren't carrying the key." / "Mara isn't carrying the key.").
/// </summary>
public abstract record VetoReason
{
    private VetoReason() { }

    /// <summary>No exit by that name leads out of here.</summary>
    public sealed record NoSuchExit(string Exit) : VetoReason;

    /// <summary>The exit exists but its condition does not hold; <see cref="Text"/> is the author's blocked text.</summary>
    public sealed record ExitBlocked(string Exit, string? Text) : VetoReason;

    /// <summary>No item by that name can be seen or reached.</summary>
    public sealed record UnknownItem(string Name) : VetoReason;

    public sealed record ItemNotHere(string Item) : VetoReason;
    public sealed record NotPortable(string Item) : VetoReason;
    public sealed record AlreadyCarrying(string Item) : VetoReason;
    public sealed record NotCarrying(string Item) : VetoReason;

    /// <summary>No character by that name is known.</summary>
    public sealed record UnknownCharacter(string Name) : VetoReason;

    /// <summary>The character is elsewhere and cannot perceive the action.</summary>
    public sealed record Absent(string Character) : VetoReason;

    /// <summary>Giving to or acting upon oneself where another is required.</summary>
    public sealed record SelfTarget : VetoReason;

    /// <summary>The story has ended; nothing more can happen.</summary>
    public sealed record StoryOver : VetoReason;
}
