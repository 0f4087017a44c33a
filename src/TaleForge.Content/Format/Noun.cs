namespace TaleForge.Content.Format;

/// <summary>English articles for the format's kinds of things, in messages: "a location", "an item".</summary>
public static class Noun
{
    public static string WithArticle(string noun)
    {
        ArgumentException.ThrowIfNullOrEmpty(noun);
        return ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
    }
}
