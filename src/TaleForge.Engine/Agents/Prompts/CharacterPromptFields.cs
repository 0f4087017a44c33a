using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Agents.Prompts;

// The fields a character's templates read, one record per template kind; lists hold only non-empty entries.

/// <summary>Who the character is (character-profile): stable for the whole play-through.</summary>
public sealed record ProfileFields
{
    public required string Language { get; init; }
    public required string Name { get; init; }
    public required string WorldTitle { get; init; }
    public string Premise { get; init; } = "";
    public string Description { get; init; } = "";
    public string Background { get; init; } = "";

    /// <summary>Big Five scores from 0 to 1; null when the character has none.</summary>
    public BigFiveFields? BigFive { get; init; }
    public IReadOnlyList<string> Traits { get; init; } = [];
    public string SpeechStyle { get; init; } = "";
    public IReadOnlyList<string> SpeechExamples { get; init; } = [];
    public IReadOnlyList<string> Catchphrases { get; init; } = [];
    public IReadOnlyList<string> ShortTermGoals { get; init; } = [];
    public IReadOnlyList<string> LongTermGoals { get; init; } = [];
    public IReadOnlyList<RelationshipFields> Relationships { get; init; } = [];
    public IReadOnlyList<string> Knowledge { get; init; } = [];
    public IReadOnlyList<string> Secrets { get; init; } = [];
}

public sealed record BigFiveFields(double Openness, double Conscientiousness, double Extraversion, double Agreeableness, double Neuroticism);

public sealed record RelationshipFields(string Name, string Id, string Stance, string Note);

/// <summary>Where the character is and what it remembers (character-situation): changes every call.</summary>
public sealed record SituationFields
{
    public required SceneFields Scene { get; init; }
    public required PlaceFields Location { get; init; }
    public IReadOnlyList<string> Exits { get; init; } = [];
    public IReadOnlyList<ThingFields> Items { get; init; } = [];
    public IReadOnlyList<PersonFields> People { get; init; } = [];
    public IReadOnlyList<ThingFields> Inventory { get; init; } = [];
    public string Position { get; init; } = "";
    public string Condition { get; init; } = "";
    public string Emotion { get; init; } = "";
    public string Belief { get; init; } = "";
    public string Desire { get; init; } = "";
    public string Intention { get; init; } = "";
    public IReadOnlyList<OpinionFields> Others { get; init; } = [];
    public IReadOnlyList<string> Lore { get; init; } = [];

    /// <summary>Older memories recalled as relevant now, oldest first.</summary>
    public IReadOnlyList<string> Remembered { get; init; } = [];

    /// <summary>The latest observations, oldest first.</summary>
    public IReadOnlyList<string> Latest { get; init; } = [];

    /// <summary>The director's note for this round; "" when there is none.</summary>
    public string Direction { get; init; } = "";
}

public sealed record SceneFields(string Title, string Event, int Round, string Time, string Environment);

public sealed record PlaceFields(string Name, string Description);

public sealed record ThingFields(string Name, string Id);

public sealed record PersonFields(string Name, string Id, string Description, string Position, string Condition, string Emotion);

public sealed record OpinionFields(string Name, string View);

/// <summary>The start-of-round belief revision (character-beliefs).</summary>
public sealed record BeliefsFields(bool NobodyHere);

/// <summary>A question with nothing to fill in (character-reflect, narrator-environment, narrator-summary).</summary>
public sealed record NoFields;

/// <summary>A turn or an action (character-turn, character-action): the commands the character may issue.</summary>
public sealed record CommandFields(IReadOnlyList<string> Commands);

/// <summary>The line said while doing the chosen action (character-dialogue).</summary>
public sealed record DialogueFields(string Action);

/// <summary>What the character reacts to (character-reaction, character-reaction-visible).</summary>
public sealed record ReactionFields(string ActorName, string Action, string Dialogue, string Impact);

/// <summary>
/// The message that asks again after an invalid reply (reply-again): what was wrong with it, in English
/// (<c>problem</c>) and in parts a template words in its own language: the failure (<c>empty_reply</c>,
/// <c>not_json</c>, <c>schema_violation</c>, <c>wrong_shape</c> or <c>rule_violation</c>) and each violation's
/// path, kind, property, limit and allowed values.
/// </summary>
public sealed record ReplyAgainFields(string Problem, string Failure, IReadOnlyList<ReplyViolation> Violations)
{
    public static ReplyAgainFields Of(ReplyProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var failure = problem.Failure switch
        {
            ReplyFailure.EmptyReply => "empty_reply",
            ReplyFailure.NotJson => "not_json",
            ReplyFailure.SchemaViolation => "schema_violation",
            ReplyFailure.WrongShape => "wrong_shape",
            ReplyFailure.RuleViolation => "rule_violation",
            _ => "model_error",
        };
        return new ReplyAgainFields(problem.Text, failure, problem.Violations);
    }
}
