using System.Globalization;
using System.Text;
using Terminal.Gui.Text;

namespace TaleForge.Tui.Story;

/// <summary>
/// Wraps text to a width in terminal columns, where a wide character (Chinese, Japanese) takes two: at spaces for
/// words, between any two wide characters, and never with closing punctuation alone at the start of a line.
/// </summary>
public static class DisplayWrap
{
    private const string NoLineStart = "，。、；：？！）」』》〉”’,.;:?!)";

    public static int Columns(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EnumerateRunes().Sum(r => Math.Max(0, r.GetColumns()));
    }

    /// <summary>The rows <paramref name="text"/> takes at <paramref name="width"/> columns; a blank paragraph is one empty row.</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        width = Math.Max(1, width);
        var rows = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, width, rows);
        }
        return rows;
    }

    private static void WrapParagraph(string paragraph, int width, List<string> rows)
    {
        var row = new List<string>();
        var used = 0;
        foreach (var token in Tokens(paragraph))
        {
            var columns = Columns(token);
            if (used + columns > width && used > 0)
            {
                // Closing punctuation takes the word before it to the next row rather than begin a row alone.
                var carried = token.Length > 0 && NoLineStart.Contains(token[0], StringComparison.Ordinal) && row.Count > 1 && row[^1] != " "
                    ? row[^1]
                    : null;
                if (carried is not null)
                {
                    row.RemoveAt(row.Count - 1);
                }
                rows.Add(string.Concat(row).TrimEnd());
                row.Clear();
                used = 0;
                if (carried is not null)
                {
                    row.Add(carried);
                    used = Columns(carried);
                }
                else if (token == " ")
                {
                    continue;
                }
            }
            // A word longer than the row is cut where the row ends.
            var rest = token;
            while (Columns(rest) > width - used && used == 0)
            {
                var cut = Fit(rest, width);
                rows.Add(rest[..cut]);
                rest = rest[cut..];
            }
            row.Add(rest);
            used += Columns(rest);
        }
        rows.Add(string.Concat(row).TrimEnd());
    }

    /// <summary>Words, single spaces and single wide characters, each a unit that wraps whole.</summary>
    private static IEnumerable<string> Tokens(string paragraph)
    {
        var word = new StringBuilder();
        foreach (var rune in paragraph.EnumerateRunes())
        {
            var wide = rune.GetColumns() > 1;
            var punctuation = Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation;
            if (rune.Value == ' ' || wide || (punctuation && word.Length == 0 && rune.Value > 0x2000))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
                yield return rune.ToString();
                continue;
            }
            word.Append(rune.ToString());
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static int Fit(string text, int width)
    {
        var used = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var columns = Math.Max(0, rune.GetColumns());
            if (used + columns > width)
            {
                break;
            }
            used += columns;
            index += rune.Utf16SequenceLength;
        }
        return Math.Max(index, 1);
    }
}
