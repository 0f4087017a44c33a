using System.ComponentModel.DataAnnotations;

namespace TaleForge.Engine.Agents.Replies;

// What a model narrator must answer. Characters are named by id and narrowed per call to those present.

public sealed record InfluenceReply([property: MaxLength(6)] IReadOnlyList<AffectedCharacter> Affected) : IReply
{
    public static string Schema => "influence";
}

public sealed record AffectedCharacter(string Character, [property: MaxLength(140)] string Impact);

public sealed record ResultReply([property: MaxLength(360)] string Narration) : IReply
{
    public static string Schema => "result";
}

public sealed record UpdatesReply([property: MaxLength(6)] IReadOnlyList<CharacterUpdateReply> Updates) : IReply
{
    public static string Schema => "updates";
}

/// <summary>"" leaves a field unchanged.</summary>
public sealed record CharacterUpdateReply(
    string Character,
    [property: MaxLength(80)] string Position,
    [property: MaxLength(80)] string Condition,
    [property: MaxLength(30)] string Emotion);

public sealed record EnvironmentReply(
    bool Changed,
    [property: MaxLength(300)] string Description,
    [property: MaxLength(40)] string Time) : IReply
{
    public static string Schema => "environment";
}

public sealed record SummaryReply([property: MaxLength(480)] string Summary) : IReply
{
    public static string Schema => "summary";
}

public sealed record DirectionReply([property: MaxLength(6)] IReadOnlyList<CharacterDirection> Directions) : IReply
{
    public static string Schema => "direction";
}

public sealed record CharacterDirection(string Character, [property: MaxLength(140)] string Direction);
