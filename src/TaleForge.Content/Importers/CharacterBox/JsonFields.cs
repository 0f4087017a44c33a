using System.Text.Json;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// Reads the fields of a CharacterBox JSON object liberally: text may also be written as a number or true/false,
/// ids as numbers or text, and a missing field reads the same as null. What cannot be meant as text (a list or an
/// object where text belongs) is refused with the field's place in the work.
/// </summary>
internal sealed class JsonFields(string sourceName)
{
    public string SourceName { get; } = sourceName;

    public CharacterBoxImportException Problem(string message) => new(SourceName, message);

    /// <summary>The field's text, trimmed and cleaned; null when missing, null or blank.</summary>
    public string? Text(JsonElement owner, string name, string where)
    {
        var raw = Raw(owner, name, where);
        return raw is null ? null : PlainText.Clean(raw).Trim() is { Length: > 0 } text ? text : null;
    }

    /// <summary>The field's text as written (line breaks and indentation kept), cleaned of control characters.</summary>
    public string? VerbatimText(JsonElement owner, string name, string where) =>
        Raw(owner, name, where) is { } raw ? PlainText.Clean(raw) : null;

    /// <summary>An id: a number's digits as written, or text; null when missing or null.</summary>
    public string? Id(JsonElement owner, string name, string where) => Text(owner, name, where);

    /// <summary>The field as an object; null when missing or null.</summary>
    public JsonElement? Object(JsonElement owner, string name, string where)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw Problem($"{where}: '{name}' should be an object {{...}}, not {Kind(value)}; fix it in the file and import again");
    }

    /// <summary>The field's items; empty when missing or null.</summary>
    public IReadOnlyList<JsonElement> List(JsonElement owner, string name, string where)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        return value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : throw Problem($"{where}: '{name}' should be a list [...], not {Kind(value)}; fix it in the file and import again");
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text \"{Shorten(value.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private string? Raw(JsonElement owner, string name, string where)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => String(value, name, where),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw Problem($"{where}: '{name}' should be text, not {Kind(value)}; write it as a JSON string"),
        };
    }

    private string? String(JsonElement value, string name, string where)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // A \uD800-style escape without its partner: valid JSON syntax, but no character at all.
            throw Problem($"{where}: '{name}' holds a \\u escape that is half of a character (an unpaired surrogate); remove or complete it");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
