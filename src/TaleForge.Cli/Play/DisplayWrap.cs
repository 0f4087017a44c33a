using System.Text;
using Wcwidth;

namespace TaleForge.Cli.Play;

/// <summary>
/// Wraps text to a terminal's columns by display width: a Chinese character takes two columns, a combining mark
/// none. Lines break between words where the script has spaces and between characters where it has none, and
/// closing punctuation (，。！？” and the Latin ones) stays with what it closes, so no line starts with it; opening
/// punctuation (“（「) stays with what it opens.
/// </summary>
public static class DisplayWrap
{
    private const string Closing = "，。、；：？！）」』】》〉”’…,.;:!?)]}%";
    private const string Opening = "（「『【《〈“‘([{";

    /// <summary>The columns <paramref name="text"/> takes on a terminal.</summary>
    public static int Width(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EnumerateRunes().Sum(Columns);
    }

    /// <summary>Each line of <paramref name="text"/> wrapped to <paramref name="width"/> columns; 0 or less leaves it as it is.</summary>
    public static string Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        return width <= 0 ? text : string.Join("\n", text.Split('\n').Select(line => WrapLine(line, width)));
    }

    private static string WrapLine(string line, int width)
    {
        if (Width(line) <= width)
        {
            return line;
        }
        var lines = new List<string>();
        var current = new StringBuilder();
        var used = 0;
        foreach (var unit in Units(line))
        {
            var gap = current.Length > 0 && unit.SpaceBefore ? 1 : 0;
            if (current.Length > 0 && used + gap + unit.Width > width)
            {
                lines.Add(current.ToString());
                current.Clear();
                used = 0;
                gap = 0;
            }
            current.Append(' ', gap).Append(unit.Text);
            used += gap + unit.Width;
        }
        lines.Add(current.ToString());
        return string.Join("\n", lines);
    }

    private sealed record Unit(StringBuilder Builder, bool SpaceBefore)
    {
        public int Width { get; set; }
        public string Text => Builder.ToString();
    }

    /// <summary>The pieces a line may break between: Latin words, single wide characters, each with its punctuation.</summary>
    private static List<Unit> Units(string line)
    {
        var units = new List<Unit>();
        var space = false;
        var extendable = false;
        var glue = false;
        foreach (var rune in line.EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                space = true;
                extendable = false;
                continue;
            }
            var columns = Columns(rune);
            var closing = rune.IsBmp && Closing.Contains((char)rune.Value, StringComparison.Ordinal);
            var opening = rune.IsBmp && Opening.Contains((char)rune.Value, StringComparison.Ordinal);
            var joinsPrevious = units.Count > 0 && (glue || (closing && !space) || (extendable && !space && columns < 2));
            if (joinsPrevious)
            {
                units[^1].Builder.Append(rune.ToString());
                units[^1].Width += columns;
            }
            else
            {
                units.Add(new Unit(new StringBuilder(rune.ToString()), space) { Width = columns });
            }
            glue = opening;
            extendable = columns < 2;
            space = false;
        }
        return units;
    }

    private static int Columns(Rune rune) => Math.Max(0, UnicodeCalculator.GetWidth(rune));
}
