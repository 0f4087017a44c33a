using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaleForge.Engine.Agents.Prompts;

namespace TaleForge.Engine.Agents.Candidates;

/// <summary>
/// What a judge is told when it picks one of a character's candidate turns: the character's own prompt (profile,
/// situation, the question it answered), then every usable candidate by number. The judge sees exactly what the
/// character saw, so it can weigh fidelity to the character and to what it knows, not only style.
/// </summary>
internal static class CandidatePickPrompt
{
    public static string System(string language) => IsChinese(language)
        ? "你是角色扮演的评判。下面是一个角色收到的提示，以及它可能采取的几个回合。选出最符合该角色的性格、所知和目标、"
            + "并能推动场景发展的一个，给出它的编号和一句简短的理由。" + PromptText.LanguageRule(language)
        : "You judge a role-play. Below is the prompt a character was given and several turns it might take. Pick the one "
            + "that best fits the character's personality, what it knows and what it wants, and that moves the scene on; "
            + "give its number and a short reason. " + PromptText.LanguageRule(language);

    /// <param name="asked">The character's prompt, as its candidates were asked it; null leaves it out (too long to fit).</param>
    /// <param name="candidates">Each usable candidate: its number as listed and its parsed reply.</param>
    public static string Task(string language, IReadOnlyList<PromptMessage>? asked, IReadOnlyList<(int Number, JsonNode? Parsed)> candidates)
    {
        var chinese = IsChinese(language);
        var text = new StringBuilder();
        if (asked is not null)
        {
            text.AppendLine(chinese ? "角色收到的提示：" : "The character's prompt:");
            foreach (var message in asked)
            {
                text.AppendLine(message.Text);
            }
            text.AppendLine();
        }
        text.AppendLine(chinese ? "候选回合：" : "Candidate turns:");
        foreach (var (number, parsed) in candidates)
        {
            text.Append(number.ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(Describe(parsed));
        }
        text.Append(chinese ? "选出最好的一个：choice（编号），reason（理由）。" : "Pick the best: choice (its number), reason (why).");
        return text.ToString();
    }

    /// <summary>A candidate's fields in one line, in the order the character gave them.</summary>
    private static string Describe(JsonNode? parsed) =>
        parsed is JsonObject fields
            ? string.Join("; ", fields.Where(f => f.Value is JsonValue v && v.ToString().Length > 0).Select(f => $"{f.Key}: {f.Value}"))
            : "";

    private static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
