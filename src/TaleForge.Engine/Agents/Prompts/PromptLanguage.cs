namespace TaleForge.Engine.Agents.Prompts;

/// <summary>The languages prompts are written in: Chinese worlds are prompted in Chinese, every other world in English.</summary>
public static class PromptLanguage
{
    public const string English = "en";
    public const string Chinese = "zh";

    public static IReadOnlyList<string> All { get; } = [English, Chinese];

    /// <summary>The template folder for a world's language code.</summary>
    public static string For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
