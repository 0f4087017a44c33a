using System.Globalization;
using System.Text;

namespace TaleForge.Core.Display;

/// <summary>
/// Text from worlds, models and recordings made safe to print on a terminal: a terminal obeys control characters,
/// so an escape sequence in a character's line could set the window title, write to the clipboard or hide text.
/// Every control character (C0 other than newline and tab, DEL, C1) and every bidirectional override is written
/// as a visible <c>\uXXXX</c> instead, which also keeps JSON output valid and equal in meaning.
/// </summary>
public static class TerminalText
{
    /// <summary>Whether a terminal would act on <paramref name="c"/> rather than show it.</summary>
    public static bool IsUnsafe(char c) => c switch
    {
        '\n' or '\t' => false,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    /// <summary>The text with every unsafe character written as <c>\uXXXX</c>; a CR before LF is kept (a Windows line end).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || !NeedsCleaning(text))
        {
            return text ?? "";
        }
        var clean = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c) && !(c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                Escape(clean, c);
            }
            else
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    /// <summary>The text cleaned and kept on one line: newlines and tabs are shown as codes too (for names quoted in a message).</summary>
    public static string OneLine(string? text) =>
        Clean(text).Replace("\n", "\\u000A", StringComparison.Ordinal).Replace("\t", "\\u0009", StringComparison.Ordinal);

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }
        return false;
    }

    private static void Escape(StringBuilder into, char c) =>
        into.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
}
