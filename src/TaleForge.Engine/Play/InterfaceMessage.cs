namespace TaleForge.Engine.Play;

/// <summary>A line the game says about itself, in the world's language, with what kind of line it is for styling.</summary>
public sealed record InterfaceMessage(string Text, MessageKind Kind = MessageKind.Info);

public enum MessageKind
{
    /// <summary>The world's title and other headings.</summary>
    Heading,

    /// <summary>Help, confirmations, where the game is saved.</summary>
    Info,

    /// <summary>Something refused or wrong: a command that could not be carried out, a damaged save.</summary>
    Warning,
}
