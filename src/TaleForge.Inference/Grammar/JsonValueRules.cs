namespace TaleForge.Inference.Grammar;

/// <summary>
/// The rules that schema grammars share, written once at the end of a grammar when used. Strings keep to a safe
/// set: no control characters, no code points outside the Basic Multilingual Plane (whose UTF-16 length would
/// disagree with the code point length that maxLength counts), and only the escapes \" \\ \n \t, so every string
/// is well-formed JSON and decodes to valid text. Plain integers have at most 9 digits (they fit a 32-bit int)
/// and plain numbers 9 digits on each side of the point, with no exponent, so no value overflows a double.
/// </summary>
internal static class JsonValueRules
{
    /// <summary>The largest plain integer; also the default far bound of a range bounded on one side.</summary>
    public const long DefaultLimit = 999_999_999;

    /// <summary>Each shared rule with its body and the shared rules that body uses, in the order they are written.</summary>
    public static IReadOnlyList<(string Name, string Body, string[] Uses)> All { get; } =
    [
        ("value", "object | array | string | number | boolean | \"null\"", ["object", "array", "string", "number", "boolean"]),
        ("object", "\"{\" (string \":\" value (\",\" string \":\" value)*)? \"}\"", ["string", "value"]),
        ("array", "\"[\" (value (\",\" value)*)? \"]\"", ["value"]),
        ("string", "\"\\\"\" char* \"\\\"\"", ["char"]),
        ("char", "[^\"\\\\\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF\\U00010000-\\U0010FFFF] | \"\\\\\" [\"\\\\nt]", []),
        ("integer", "\"-\"? (\"0\" | [1-9] [0-9]{0,8})", []),
        ("number", "\"-\"? (\"0\" | [1-9] [0-9]{0,8}) (\".\" [0-9]{1,9})?", []),
        ("boolean", "\"true\" | \"false\"", []),
    ];
}
