using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// JSON kept under a world's <c>extensions:</c> and written back. YAML extensions keep scalars as text, so numbers
/// and true/false are kept as written and come back as JSON numbers and booleans; text that reads as one of them
/// (a tag "1984") comes back as that value unless the caller knows the field is text.
/// </summary>
public static partial class JsonExtensions
{
    public static Extensions ToExtensions(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new(json.Select(p => KeyValuePair.Create(p.Key, ToValue(p.Value))));
    }

    public static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => ToExtensions(o),
        JsonArray a => a.Select(ToValue).ToImmutableArray(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    public static JsonObject ToJson(Extensions extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var json = new JsonObject();
        foreach (var (key, value) in extensions)
        {
            json[key] = ToJson(value);
        }
        return json;
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        Extensions e => ToJson(e),
        ImmutableArray<object?> list => new JsonArray([.. list.Select(ToJson)]),
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        string s when Number().IsMatch(s) => JsonNode.Parse(s),
        string s => JsonValue.Create(s),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Text kept under extensions, as text: null when absent.</summary>
    public static string? Text(Extensions extensions, string key) => extensions.Get(key) as string;

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,14})(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex Number();
}
