using TaleForge.Engine.Agents.Candidates;
using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>Every prompt the engine's model agents send, by template name, with the fields each may read.</summary>
public static class EnginePrompts
{
    public static PromptKind CharacterProfile { get; } = PromptKind.Of<ProfileFields>("character-profile");
    public static PromptKind CharacterSituation { get; } = PromptKind.Of<SituationFields>("character-situation");
    public static PromptKind CharacterBeliefs { get; } = PromptKind.Of<BeliefsFields>("character-beliefs");
    public static PromptKind CharacterReflect { get; } = PromptKind.Of<NoFields>("character-reflect");
    public static PromptKind CharacterTurn { get; } = PromptKind.Of<CommandFields>("character-turn");
    public static PromptKind CharacterAction { get; } = PromptKind.Of<CommandFields>("character-action");
    public static PromptKind CharacterDialogue { get; } = PromptKind.Of<DialogueFields>("character-dialogue");
    public static PromptKind CharacterReaction { get; } = PromptKind.Of<ReactionFields>("character-reaction");
    public static PromptKind CharacterReactionVisible { get; } = PromptKind.Of<ReactionFields>("character-reaction-visible");
    public static PromptKind NarratorVoice { get; } = PromptKind.Of<VoiceFields>("narrator-voice");
    public static PromptKind NarratorScene { get; } = PromptKind.Of<NarratorSceneFields>("narrator-scene");
    public static PromptKind NarratorTurn { get; } = PromptKind.Of<TurnFields>("narrator-turn");
    public static PromptKind NarratorDirect { get; } = PromptKind.Of<DirectFields>("narrator-direct");
    public static PromptKind NarratorInfluence { get; } = PromptKind.Of<TurnQuestionFields>("narrator-influence");
    public static PromptKind NarratorInfluenceOne { get; } = PromptKind.Of<TurnQuestionFields>("narrator-influence-one");
    public static PromptKind NarratorResult { get; } = PromptKind.Of<TurnQuestionFields>("narrator-result");
    public static PromptKind NarratorUpdates { get; } = PromptKind.Of<TurnQuestionFields>("narrator-updates");
    public static PromptKind NarratorEnvironment { get; } = PromptKind.Of<NoFields>("narrator-environment");
    public static PromptKind NarratorSummary { get; } = PromptKind.Of<NoFields>("narrator-summary");
    public static PromptKind ReplyAgain { get; } = PromptKind.Of<ReplyAgainFields>("reply-again");
    public static PromptKind CandidatePickSystem { get; } = PromptKind.Of<CandidatePickSystemFields>("candidate-pick-system");
    public static PromptKind CandidatePick { get; } = PromptKind.Of<CandidatePickFields>("candidate-pick");

    public static IReadOnlyList<PromptKind> Kinds { get; } =
    [
        CharacterProfile, CharacterSituation, CharacterBeliefs, CharacterReflect, CharacterTurn, CharacterAction,
        CharacterDialogue, CharacterReaction, CharacterReactionVisible,
        NarratorVoice, NarratorScene, NarratorTurn, NarratorDirect, NarratorInfluence, NarratorInfluenceOne,
        NarratorResult, NarratorUpdates, NarratorEnvironment, NarratorSummary,
        CandidatePickSystem, CandidatePick, ReplyAgain,
    ];

    /// <summary>How a re-ask after an invalid reply is worded for a world in <paramref name="language"/>.</summary>
    public static Func<ReplyProblem, string> Reask(PromptSet prompts, string language)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return problem => prompts.Render(ReplyAgain, language, ReplyAgainFields.Of(problem));
    }
}
