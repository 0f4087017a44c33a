using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace TaleForge.Engine.Agents.Replies;

// What a model-played character must answer, one record per question. Every text is bounded so a runaway
// model cannot fill the context; names and choices are narrowed per call to what exists at that moment.

/// <summary>A character's turn.</summary>
public sealed record TurnReply(
    [property: Description("One visible action, third person present tense, without your name (\"leans on the rail\").")]
    [property: MaxLength(160)] string Action,
    [property: Description("One line spoken aloud, or \"\" to stay silent.")]
    [property: MaxLength(240)] string Dialogue,
    [property: Description("One command from the list, or \"none\".")]
    string Command,
    [property: Description("Id of the character your action or line is aimed at, or \"\".")]
    string Target,
    [property: Description("How you feel now, in a word or two.")]
    [property: MaxLength(30)] string Emotion) : IReply
{
    public static string Schema => "character_turn";
}

/// <summary>A visible response to another's turn.</summary>
public sealed record ReactionReply(
    [property: MaxLength(160)] string Action,
    [property: MaxLength(240)] string Dialogue,
    [property: MaxLength(30)] string Emotion) : IReply
{
    public static string Schema => "reaction";
}

/// <summary>Belief, desire, intention and the view of others, as CharacterBox revises them each round.</summary>
public sealed record BeliefReply(
    [property: MaxLength(160)] string Belief,
    [property: MaxLength(160)] string Desire,
    [property: MaxLength(160)] string Intention,
    [property: MaxLength(6)] IReadOnlyList<ViewOfOther> Others) : IReply
{
    public static string Schema => "beliefs";
}

public sealed record ViewOfOther(string Character, [property: MaxLength(120)] string View);

/// <summary>Insights drawn from recent memories.</summary>
public sealed record ReflectionReply([property: MinLength(1)][property: MaxLength(3)] IReadOnlyList<Insight> Insights) : IReply
{
    public static string Schema => "reflection";
}

public sealed record Insight([property: MaxLength(160)] string Text);
