using System.Text;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// The judge's prompt for one type of narrator call in a scene: what the narrator was asked each time and what it
/// answered, scored on Grice's four maxims with the same rubric as the whole-scene verdict.
/// </summary>
public static class NarratorCallJudgePrompt
{
    public static string System(NarratorCallType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var text = new StringBuilder();
        text.Append("You judge the narrator of a text-based story on one kind of task: \"").Append(type.Name).Append("\", where the ")
            .Append("narrator is asked to ").Append(type.Task).Append(". You are shown each time it was asked this in one scene: ")
            .Append("the question as the narrator saw it, then its answer. Judge only the answers, by Grice's maxims: are they true ")
            .Append("to what happened, as informative as the task needs, relevant to it, and clear?\n\n")
            .Append("First write a critique of the answers, then score each maxim from 1 to 5 using the rubric. 2 and 4 lie between ")
            .Append("the anchors.\n\nRubric:\n");
        foreach (var maxim in NarratorMaxims.All)
        {
            text.Append(maxim.Rubric).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The exchanges, each question and answer cut to <paramref name="length"/> characters.</summary>
    public static string Exchanges(IEnumerable<(string Asked, string Answered)> exchanges, int length)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        var text = new StringBuilder();
        var number = 0;
        foreach (var (asked, answered) in exchanges)
        {
            number++;
            text.Append($"Call {number}.\nAsked: ").Append(JudgePrompt.Cut(asked, length))
                .Append("\nAnswered: ").Append(JudgePrompt.Cut(answered, length)).Append("\n\n");
        }
        return text.ToString();
    }

    public static string Task(NarratorCallType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return $"Write the critique of the narrator's \"{type.Name}\" answers, then the four scores.";
    }
}
