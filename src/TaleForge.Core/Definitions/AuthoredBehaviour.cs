using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>
/// What a character does when no model plays it: on its turn it takes the first line whose conditions hold
/// (and that has not been used up); when acted upon it takes the first matching reaction.
/// </summary>
public sealed record AuthoredBehaviour
{
    public ImmutableArray<AuthoredLine> Lines { get; init; } = [];
    public ImmutableArray<AuthoredReaction> Reactions { get; init; } = [];
}

/// <summary>A turn written in advance: a visible action, an optional spoken line, and what it changes.</summary>
public sealed record AuthoredLine
{
    public string? Id { get; init; }

    /// <summary>Only in this scene, when set.</summary>
    public string? Scene { get; init; }

    /// <summary>Must hold for the line to be chosen; <c>carrying</c> refers to the speaker.</summary>
    public Predicate? When { get; init; }

    public string Action { get; init; } = "";
    public string? Say { get; init; }

    /// <summary>Used at most once per play-through (the default); false lets it repeat.</summary>
    public bool Once { get; init; } = true;

    /// <summary>A world change the line performs, checked by the same rules as a player's command.</summary>
    public AuthoredAct? Act { get; init; }

    public ImmutableArray<string> SetFlags { get; init; } = [];
    public string? Emotion { get; init; }
}

/// <summary>
/// A response to being acted upon or spoken to; may speak and act (hand over a key when asked for it),
/// unlike CharacterBox's reactions.
/// </summary>
public sealed record AuthoredReaction
{
    /// <summary>
    /// Words (case-insensitive) in the action or line directed at the character; empty matches anything.
    /// Whole words in scripts with spaces; substrings in scripts without them (Chinese, Japanese).
    /// </summary>
    public ImmutableArray<string> On { get; init; } = [];

    /// <summary>Only when the acting character is this one, when set.</summary>
    public string? From { get; init; }

    /// <summary>Must hold for the reaction to be chosen; <c>carrying</c> refers to the reacting character.</summary>
    public Predicate? When { get; init; }

    public string Action { get; init; } = "";
    public string? Say { get; init; }
    public bool Once { get; init; }

    /// <summary>A world change the reaction performs, checked by the same rules as a player's command.</summary>
    public AuthoredAct? Act { get; init; }

    public ImmutableArray<string> SetFlags { get; init; } = [];
    public string? Emotion { get; init; }
}

/// <summary>A physical act an authored line performs.</summary>
public abstract record AuthoredAct
{
    private AuthoredAct() { }

    public sealed record Go(string Location) : AuthoredAct;
    public sealed record Take(string Item) : AuthoredAct;
    public sealed record Drop(string Item) : AuthoredAct;
    public sealed record Give(string Item, string To) : AuthoredAct;
}
