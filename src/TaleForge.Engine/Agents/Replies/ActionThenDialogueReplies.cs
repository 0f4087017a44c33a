using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace TaleForge.Engine.Agents.Replies;

// A turn asked in two calls, as CharacterBox asks it: the action first, then the line said while doing it.

/// <summary>A turn's physical action, with the command that carries it out, its one target and the feeling behind it.</summary>
public sealed record ActionReply(
    [property: Description("One visible physical action, third person present tense, without your name; no speech.")]
    [property: MaxLength(160)] string Action,
    [property: Description("One command from the list, or \"none\".")]
    string Command,
    [property: Description("Id of the one character your action is aimed at, or \"\".")]
    string Target,
    [property: Description("How you feel now, in a word or two.")]
    [property: MaxLength(30)] string Emotion) : IReply
{
    public static string Schema => "character_action";
}

/// <summary>The line a character says while doing the action it chose.</summary>
public sealed record DialogueReply(
    [property: Description("One line spoken aloud.")]
    [property: MaxLength(240)] string Dialogue) : IReply
{
    public static string Schema => "character_dialogue";
}
