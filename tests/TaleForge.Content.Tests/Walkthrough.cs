namespace TaleForge.Content.Tests;

/// <summary>Reads the command script of a walkthrough: the first ```text block, one command per line, # for comments.</summary>
internal static class Walkthrough
{
    public static IReadOnlyList<string> Commands(string markdown)
    {
        var start = markdown.IndexOf("```text\n", StringComparison.Ordinal) + "```text\n".Length;
        var end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        return [.. markdown[start..end].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
