using System.Text;
using TaleForge.Core.Definitions;

namespace TaleForge.Engine.Agents.Prompts;

/// <summary>Small pieces of prompt prose shared by every role.</summary>
internal static class PromptText
{
    /// <summary>The instruction that makes a model write in the world's language.</summary>
    public static string LanguageRule(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? "Write every value in Simplified Chinese (简体中文)."
            : language.StartsWith("en", StringComparison.OrdinalIgnoreCase)
                ? "Write every value in English."
                : $"Write every value in the language with code '{language}'.";

    /// <summary>Big Five scores in words: models follow "quite introverted" better than "extraversion 0.3".</summary>
    public static string Describe(BigFive five)
    {
        ArgumentNullException.ThrowIfNull(five);
        return string.Join(", ",
            Degree(five.Openness, "open to new experience", "conventional and cautious"),
            Degree(five.Conscientiousness, "organised and dutiful", "careless and spontaneous"),
            Degree(five.Extraversion, "outgoing and talkative", "reserved and quiet"),
            Degree(five.Agreeableness, "warm and cooperative", "blunt and suspicious"),
            Degree(five.Neuroticism, "anxious and easily upset", "calm and steady"));
    }

    private static string Degree(double score, string high, string low) => score switch
    {
        >= 0.8 => $"very {high}",
        >= 0.6 => $"fairly {high}",
        > 0.4 => $"neither especially {high} nor {low}",
        > 0.2 => $"fairly {low}",
        _ => $"very {low}",
    };

    public static void Section(StringBuilder text, string heading, IEnumerable<string> lines)
    {
        var list = lines.Where(l => l.Length > 0).ToList();
        if (list.Count == 0)
        {
            return;
        }
        text.Append(heading).Append('\n');
        foreach (var line in list)
        {
            text.Append("- ").Append(line).Append('\n');
        }
    }
}
