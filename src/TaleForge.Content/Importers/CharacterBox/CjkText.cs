using System.Text;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// CharacterBox tells its Chinese works from its English ones by the presence of CJK characters. A whole work
/// needs a share rather than mere presence: CharacterBox's own English works carry the odd stray Chinese word
/// ("a hint of紧张"), so a work is Chinese when Han characters are at least a fifth of its letters.
/// </summary>
internal static class CjkText
{
    public static bool IsMostlyChinese(IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        long han = 0;
        long letters = 0;
        foreach (var text in texts)
        {
            foreach (var rune in (text ?? "").EnumerateRunes())
            {
                if (IsHan(rune.Value))
                {
                    han++;
                    letters++;
                }
                else if (Rune.IsLetter(rune))
                {
                    letters++;
                }
            }
        }
        return han > 0 && han * 5 >= letters;
    }

    private static bool IsHan(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF) // unified ideographs
            or (>= 0x3400 and <= 0x4DBF) // extension A
            or (>= 0xF900 and <= 0xFAFF) // compatibility ideographs
            or (>= 0x20000 and <= 0x323AF); // extensions B to H, supplementary compatibility
}
