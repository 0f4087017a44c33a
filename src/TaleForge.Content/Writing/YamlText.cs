using System.Globalization;
using System.Text.RegularExpressions;
using TaleForge.Content.Yaml;

namespace TaleForge.Content.Writing;

/// <summary>
/// Chooses how a piece of text is written so it reads back as the same text, in TaleForge and in any YAML 1.1
/// or 1.2 tool: plain when nothing could mistake it, quoted when it looks like a number, a boolean or null,
/// and as a block (<c>|</c>) when it spans lines.
/// </summary>
internal static partial class YamlText
{
    public static ScalarNode Scalar(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return new ScalarNode(value, ScalarStyle.Block);
        }
        return new ScalarNode(value, LooksLikeAnotherType(value) ? ScalarStyle.Quoted : ScalarStyle.Plain);
    }

    /// <summary>
    /// A value whose type the author chose (extensions, item properties): kept plain when it looks like a number
    /// or a boolean, as it most likely was written, and quoted only where plain text would read as null.
    /// </summary>
    public static ScalarNode Untyped(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return new ScalarNode(value, ScalarStyle.Block);
        }
        var nullLike = value.Length == 0 || value.Trim() != value || value is "~" or "null" or "Null" or "NULL";
        return new ScalarNode(value, nullLike ? ScalarStyle.Quoted : ScalarStyle.Plain);
    }

    private static bool LooksLikeAnotherType(string value) =>
        value.Length == 0
        || value.Trim() != value
        || Reserved().IsMatch(value)
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || NumberLike().IsMatch(value);

    [GeneratedRegex("^(~|null|true|false|yes|no|on|off|y|n|\\.inf|-\\.inf|\\+\\.inf|\\.nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();

    // Hex, octal, binary, sexagesimal (YAML 1.1 reads 21:30 as a number), dates, and digit-led runs with separators.
    [GeneratedRegex("^([-+]?0[xob][0-9a-f_]+|[-+]?[0-9][0-9_:.,-]*([eE][-+]?[0-9]+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLike();
}
