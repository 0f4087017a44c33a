namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// A seed action's spoken line as TaleForge keeps it: CharacterBox writes "None" (or 无) for silence and often
/// wraps the line in quotation marks, which TaleForge adds itself when it shows speech.
/// </summary>
internal static class Dialogue
{
    private static readonly HashSet<string> Silence = new(["none", "null", "n/a", "-", "无", "没有", "（无）", "(无)"], StringComparer.OrdinalIgnoreCase);

    private static readonly (char Open, char Close)[] Quotes = [('"', '"'), ('\u201C', '\u201D'), ('「', '」'), ('『', '』'), ('\'', '\'')];

    /// <summary>The line to say, or null when there is none.</summary>
    public static string? Line(string? written)
    {
        if (written is null || Silence.Contains(written))
        {
            return null;
        }
        foreach (var (open, close) in Quotes)
        {
            // Only one pair around the whole line: "A," she said, "B." keeps its quotation marks.
            if (written.Length >= 2 && written[0] == open && written[^1] == close
                && written.AsSpan(1, written.Length - 2).IndexOfAny(open, close) < 0)
            {
                var inner = written[1..^1].Trim();
                return inner.Length > 0 ? inner : null;
            }
        }
        return written;
    }
}
