using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// Reads a card's JSON, V1, V2 or V3, checking that it is a character and that every field TaleForge maps has the
/// right type; a problem is a <see cref="CardImportException"/> that names the file and the field.
/// </summary>
public static class CardParser
{
    public static CharacterCard Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = ParseObject(json, file, "a character card");
        var spec = root["spec"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
        if (spec is "lorebook_v3" || (spec is null && root["entries"] is not null && root["name"] is null))
        {
            throw new CardImportException(file, "is a lorebook, not a character card; import it with 'taleforge import lorebook FILE --into WORLD'");
        }
        JsonObject data;
        string where;
        if (spec is CharacterCard.V2Spec or CharacterCard.V3Spec)
        {
            data = root["data"] as JsonObject
                ?? throw new CardImportException(file, $"is a {spec} card without a 'data' object, so it holds no character");
            where = "data.";
        }
        else if (spec is not null)
        {
            throw new CardImportException(file, $"is not a character card: its spec is '{spec}', not chara_card_v2 or chara_card_v3");
        }
        else
        {
            data = root;
            where = "";
        }

        var name = Text(data, "name", file, where).Trim();
        if (name.Length == 0)
        {
            throw new CardImportException(file, $"is not a character card: '{where}name' is missing or empty, and every character needs a name");
        }
        var kept = new JsonObject();
        foreach (var (key, value) in data)
        {
            // Empty values are what an exporter writes by default, so dropping them keeps round trips equal.
            if (!CharacterCard.MappedFields.Contains(key) && key != "spec" && !IsEmpty(value))
            {
                kept[key] = value?.DeepClone();
            }
        }
        var book = data["character_book"] switch
        {
            null => null,
            JsonObject o => (JsonObject)o.DeepClone(),
            var other => throw WrongType(file, where + "character_book", "an object", other),
        };
        return new CharacterCard
        {
            Spec = spec ?? "",
            Name = name,
            Description = Text(data, "description", file, where),
            Personality = Text(data, "personality", file, where),
            Scenario = Text(data, "scenario", file, where),
            FirstMessage = Text(data, "first_mes", file, where),
            ExampleMessages = Text(data, "mes_example", file, where),
            AlternateGreetings = Texts(data, "alternate_greetings", file, where),
            Nickname = data["nickname"] is JsonValue n && n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : "",
            Book = book,
            Kept = kept,
        };
    }

    /// <summary>The JSON's root object; syntax errors name the line and column.</summary>
    public static JsonObject ParseObject(string json, string file, string what)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new CardImportException(file, $"is not valid JSON{at}, so it cannot be read as {what}; the file may be damaged or cut off");
        }
        return root as JsonObject
            ?? throw new CardImportException(file, $"is not {what}: the JSON is {Describe(root)}, not an object");
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => false,
    };

    internal static string Text(JsonObject data, string key, string file, string where) => data[key] switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw WrongType(file, where + key, "text", other),
    };

    internal static ImmutableArray<string> Texts(JsonObject data, string key, string file, string where) => data[key] switch
    {
        null => [],
        JsonArray list => [.. list.Select((item, i) => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw WrongType(file, $"{where}{key}[{i}]", "text", item))],
        var other => throw WrongType(file, where + key, "a list of text", other),
    };

    internal static CardImportException WrongType(string file, string field, string expected, JsonNode? actual) =>
        new(file, $"'{field}' should be {expected}, but it is {Describe(actual)}; fix the card in the tool that made it");

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "text",
            JsonValueKind.Number => "a number",
            _ => "true or false",
        },
    };
}
