using System.Globalization;
using System.Text;

namespace TaleForge.Inference.Grammar;

/// <summary>Writes GBNF literals that llama.cpp reads back as the same code points.</summary>
internal static class GbnfText
{
    /// <summary><c>"..."</c> for the given text; quotes, backslashes and control characters escaped.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    AppendChar(builder, rune.Value);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    private static StringBuilder AppendChar(StringBuilder builder, int codePoint)
    {
        // Controls and the byte-order mark are written as escapes so the grammar text stays printable.
        if (codePoint < 0x20 || codePoint is (>= 0x7F and <= 0x9F) or 0xFEFF || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return builder.Append(Hex(codePoint));
        }
        return builder.Append(char.ConvertFromUtf32(codePoint));
    }

    private static string Hex(int codePoint) => codePoint switch
    {
        <= 0xFF => "\\x" + codePoint.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "\\u" + codePoint.ToString("X4", CultureInfo.InvariantCulture),
        _ => "\\U" + codePoint.ToString("X8", CultureInfo.InvariantCulture),
    };
}
