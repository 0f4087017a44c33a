namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// Pronouns from CharacterBox's free-text gender ("Male", "female", "男", "Unknown", "Mixed"), only where the
/// gender is clear. Chinese worlds get the written Chinese pronoun, as the narrator writes Chinese.
/// </summary>
internal static class Pronouns
{
    private static readonly HashSet<string> Male = new(["male", "man", "boy", "m", "he", "he/him", "男", "男性", "男人", "雄"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Female = new(["female", "woman", "girl", "f", "she", "she/her", "女", "女性", "女人", "雌"], StringComparer.OrdinalIgnoreCase);

    public static string For(string? gender, string language)
    {
        var chinese = language == "zh";
        var word = gender?.Trim() ?? "";
        if (Male.Contains(word))
        {
            return chinese ? "他" : "he/him";
        }
        if (Female.Contains(word))
        {
            return chinese ? "她" : "she/her";
        }
        return chinese ? "TA" : "they/them";
    }
}
