using System.Text;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// Text from a JSON file made fit for a world file: line breaks as '\n', and no control characters, which the
/// world loader refuses as binary data (JSON escapes can smuggle them into otherwise ordinary prose).
/// </summary>
internal static class PlainText
{
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\u0085' or '\u2028' or '\u2029')
            {
                clean.Append('\n');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' || !IsRefused(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (c is '\r' or '\u0085' or '\u2028' or '\u2029' || char.IsSurrogate(c) || (c is not ('\t' or '\n') && IsRefused(c)))
            {
                return true;
            }
        }
        return false;
    }

    // C0 and C1 controls, DEL, a stray byte order mark, and surrogates without their partner (no UTF-8 file can hold one).
    private static bool IsRefused(char c) => char.IsControl(c) || c == '\uFEFF' || char.IsSurrogate(c);
}
