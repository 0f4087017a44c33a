using System.Globalization;
using System.Text;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// World ids made from titles and names: lowercase ASCII letters and digits joined by '-', accents dropped
/// ("Café Noir" -> cafe-noir). Text with nothing Latin in it (a Chinese name) gives "", and the caller falls back.
/// </summary>
internal static class AsciiId
{
    public const int MaxLength = 48;

    // Latin-1 Supplement and Latin Extended-A (U+00C0 to U+017F) without their accents; '?' marks the letters
    // spelled with two (below), ' ' the signs × and ÷. Unicode normalization is not available in invariant mode.
    private const string Folded =
        "aaaaaa?ceeeeiiiidnooooo ouuuuy??aaaaaa?ceeeeiiiidnooooo ouuuuy?y" +
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkklllllll" +
        "lllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    private static readonly Dictionary<char, string> TwoLetters = new()
    {
        ['Æ'] = "ae",
        ['æ'] = "ae",
        ['Þ'] = "th",
        ['þ'] = "th",
        ['ß'] = "ss",
        ['Ĳ'] = "ij",
        ['ĳ'] = "ij",
        ['Œ'] = "oe",
        ['œ'] = "oe",
    };

    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            var letters = c is >= '\u00C0' and <= '\u017F'
                ? TwoLetters.GetValueOrDefault(c) ?? Folded[c - '\u00C0'].ToString()
                : c.ToString();
            if (letters is [(>= 'a' and <= 'z') or (>= '0' and <= '9'), ..])
            {
                slug.Append(letters);
            }
            else if (c is '\'' or '\u2019' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // "Keeper's" reads as keepers, and a combining accent leaves its letter alone.
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var id = slug.ToString().TrimEnd('-');
        return id.Length <= MaxLength ? id : Cut(id);
    }

    /// <summary>Cuts at a word boundary when one is near, so long titles keep whole words.</summary>
    private static string Cut(string id)
    {
        var cut = id.LastIndexOf('-', MaxLength);
        return (cut >= MaxLength / 2 ? id[..cut] : id[..MaxLength]).TrimEnd('-');
    }
}
