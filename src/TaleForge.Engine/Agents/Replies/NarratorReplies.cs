using System.ComponentModel.DataAnnotations;

namespace TaleForge.Engine.Agents.Replies;

// What a model narrator must answer. Characters are named by id and narrowed per call to those present.

public sealed record InfluenceReply([property: MaxLength(6)] IReadOnlyList<AffectedCharacter> Affected);

public sealed record AffectedCharacter(string Character, [property: MaxLength(200)] string Impact);

public sealed record ResultReply([property: MaxLength(500)] string Narration);

public sealed record UpdatesReply([property: MaxLength(6)] IReadOnlyList<CharacterUpdateReply> Updates);

/// <summary>"" leaves a field unchanged.</summary>
public sealed record CharacterUpdateReply(
    string Character,
    [property: MaxLength(120)] string Position,
    [property: MaxLength(120)] string Condition,
    [property: MaxLength(40)] string Emotion);

public sealed record EnvironmentReply(
    bool Changed,
    [property: MaxLength(400)] string Description,
    [property: MaxLength(60)] string Time);

public sealed record SummaryReply([property: MaxLength(600)] string Summary);

public sealed record DirectionReply([property: MaxLength(6)] IReadOnlyList<CharacterDirection> Directions);

public sealed record CharacterDirection(string Character, [property: MaxLength(160)] string Direction);
