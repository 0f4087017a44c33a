using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace TaleForge.Inference.Tests.Decisions;

// Sample records shaped like decisions (beliefs, action, influence, reaction, result, updates, environment,
// summary, judge scores): positional records, enums, nullable optionals, DataAnnotations bounds. Inference cannot
// see the engine, so its structured-output tests use these; they are not the engine's records, which are tested
// in TaleForge.Engine.Tests (DecisionSchemaTests).

public enum Emotion
{
    Calm,
    Happy,
    Sad,
    Angry,
    Afraid,
    Surprised,
    Disgusted,
}

public enum ActionKind
{
    Move,
    Take,
    Drop,
    Give,
    Say,
    Do,
    Wait,
}

[Description("What a character believes, wants and means to do at the start of a round.")]
public sealed record BeliefUpdate(
    [property: MaxLength(300)] string Belief,
    [property: MaxLength(200)] string Desire,
    [property: MaxLength(200)] string Intention,
    [property: MaxLength(6)] IReadOnlyList<ViewOfOther> Views);

public sealed record ViewOfOther([property: MaxLength(40)] string Character, [property: MaxLength(200)] string View);

[Description("One action, and optionally one line of speech.")]
public sealed record ActorAction(
    ActionKind Kind,
    [property: MaxLength(40)] string? Target,
    [property: MaxLength(40)] string? Item,
    [property: MaxLength(40)] string? Exit,
    [property: Length(1, 300)] string Description,
    [property: MaxLength(300)] string? Line);

public sealed record InfluenceAnalysis(
    [property: MaxLength(4)] IReadOnlyList<string> Targets,
    [property: MaxLength(200)] string Reason);

public sealed record TargetReaction(
    ActionKind Kind,
    [property: MaxLength(300)] string Description,
    [property: MaxLength(300)] string? Line,
    Emotion Emotion);

public sealed record ResultNarration([property: Length(1, 600)] string Narration);

public sealed record CharacterUpdate(
    [property: MaxLength(40)] string Character,
    [property: MaxLength(40)] string? Position,
    [property: MaxLength(120)] string? State,
    Emotion? Emotion);

public sealed record StateUpdates([property: MaxLength(8)] IReadOnlyList<CharacterUpdate> Updates);

public sealed record FlagChange([property: MaxLength(40)] string Flag, bool Value);

public sealed record EnvironmentUpdate(
    [property: MaxLength(400)] string Description,
    [property: MaxLength(5)] IReadOnlyList<FlagChange> Flags);

public sealed record PlotSummary([property: MaxLength(600)] string Summary, [property: Range(0, 10)] int Tension);

[Description("A judge's 1-5 scores on CharacterBox's seven dimensions.")]
public sealed record JudgeScores(
    [property: Range(1, 5)] int KnowledgeAccuracy,
    [property: Range(1, 5)] int EmotionalExpression,
    [property: Range(1, 5)] int PersonalityTraits,
    [property: Range(1, 5)] int BehavioralAccuracy,
    [property: Range(1, 5)] int Immersion,
    [property: Range(1, 5)] int Adaptability,
    [property: Range(1, 5)] int BehavioralCoherence,
    [property: Range(0, 1)] double Confidence,
    [property: MaxLength(300)] string? Comment = null);

public static class SampleDecisions
{
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(BeliefUpdate), typeof(ActorAction), typeof(InfluenceAnalysis), typeof(TargetReaction), typeof(ResultNarration),
        typeof(StateUpdates), typeof(EnvironmentUpdate), typeof(PlotSummary), typeof(JudgeScores),
    ];
}
