using TaleForge.Engine.Agents.Prompts;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Evaluation;

/// <summary>Every prompt the evaluation sends (the judge's and the interviewer's), by template name, with the fields each may read.</summary>
public static class ResearchPrompts
{
    public static PromptKind CharacterJudgeSystem { get; } = PromptKind.Of<CharacterJudgeSystemFields>("judge-character-system");
    public static PromptKind CharacterJudge { get; } = PromptKind.Of<CharacterJudgeFields>("judge-character");
    public static PromptKind NarratorJudgeSystem { get; } = PromptKind.Of<NarratorJudgeSystemFields>("judge-narrator-system");
    public static PromptKind NarratorJudge { get; } = PromptKind.Of<NarratorJudgeFields>("judge-narrator");
    public static PromptKind NarratorCallJudgeSystem { get; } = PromptKind.Of<NarratorJudgeSystemFields>("judge-narrator-call-system");
    public static PromptKind NarratorCallJudge { get; } = PromptKind.Of<NarratorCallJudgeFields>("judge-narrator-call");
    public static PromptKind InterviewQuestion { get; } = PromptKind.Of<InterviewQuestionFields>("interview-question");

    public static IReadOnlyList<PromptKind> Kinds { get; } =
    [
        CharacterJudgeSystem, CharacterJudge, NarratorJudgeSystem, NarratorJudge, NarratorCallJudgeSystem, NarratorCallJudge, InterviewQuestion,
    ];

    /// <summary>The built-in templates of the engine's prompts and the evaluation's.</summary>
    public static PromptSet BuiltIn { get; } = PromptSet.BuiltIn.With(Kinds);
}
