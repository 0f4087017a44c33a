using TaleForge.Engine.Agents.Prompts;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// The judge's prompt for one type of narrator call in a scene: what the narrator was asked each time and what it
/// answered, scored on Grice's four maxims with the same rubric as the whole-scene verdict.
/// </summary>
public static class NarratorCallJudgePrompt
{
    public static string System(PromptSet prompts, string language, NarratorCallType type)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(type);
        return prompts.Render(ResearchPrompts.NarratorCallJudgeSystem, language,
            new NarratorJudgeSystemFields([.. NarratorMaxims.All.Select(JudgePrompt.Fields)], JudgePrompt.Fields(type)));
    }

    /// <summary>The scene and the exchanges, each question and answer cut to <paramref name="length"/> characters.</summary>
    public static string User(
        PromptSet prompts, string language, JudgedSceneFields scene, NarratorCallType type, IEnumerable<(string Asked, string Answered)> exchanges, int length)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(exchanges);
        return prompts.Render(ResearchPrompts.NarratorCallJudge, language, new NarratorCallJudgeFields(scene, JudgePrompt.Fields(type),
            [.. exchanges.Select((e, i) => new JudgedCallFields(i + 1, JudgePrompt.Cut(e.Asked, length), JudgePrompt.Cut(e.Answered, length)))]));
    }
}
