using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TaleForge.Content.Importers.Lorebooks;

/// <summary>
/// SillyTavern World Info entries to the spelling of a card's <c>character_book</c> and back, the way SillyTavern
/// itself converts them when it embeds World Info in a card: <c>key</c> becomes <c>keys</c>, <c>disable</c> becomes
/// <c>enabled</c>, a numeric position becomes before_char/after_char, and its other settings go under
/// <c>extensions</c> in snake_case.
/// </summary>
public static class WorldInfoConversion
{
    private static readonly Dictionary<string, string> ToBook = new(StringComparer.Ordinal)
    {
        ["uid"] = "id",
        ["key"] = "keys",
        ["keysecondary"] = "secondary_keys",
        ["comment"] = "comment",
        ["content"] = "content",
        ["constant"] = "constant",
        ["selective"] = "selective",
        ["order"] = "insertion_order",

        // Not SillyTavern's, but card entry fields that TaleForge writes into World Info as they are.
        ["name"] = "name",
        ["priority"] = "priority",
    };

    // Names SillyTavern keeps in camelCase under a card entry's extensions.
    private static readonly string[] KeptCamel = ["selectiveLogic", "useProbability"];

    public static JsonObject ToBookEntry(JsonObject worldInfo)
    {
        ArgumentNullException.ThrowIfNull(worldInfo);
        var entry = new JsonObject();
        var extensions = new JsonObject();
        foreach (var (key, value) in worldInfo)
        {
            if (ToBook.TryGetValue(key, out var name))
            {
                entry[name] = value?.DeepClone();
            }
            else if (key == "disable")
            {
                entry["enabled"] = !(BookEntryMapping.Bool(value) ?? false);
            }
            else if (key == "position")
            {
                var position = BookEntryMapping.Int(value) ?? 0;
                entry["position"] = position == 1 ? "after_char" : "before_char";
                extensions["position"] = position;
            }
            else
            {
                extensions[KeptCamel.Contains(key) ? key : SnakeCase(key)] = value?.DeepClone();
            }
        }
        entry["extensions"] = extensions;
        return entry;
    }

    public static JsonObject ToWorldInfo(JsonObject bookEntry, int uid)
    {
        ArgumentNullException.ThrowIfNull(bookEntry);
        var entry = new JsonObject { ["uid"] = BookEntryMapping.Int(bookEntry["id"]) ?? uid };
        foreach (var (key, value) in bookEntry)
        {
            var name = ToBook.FirstOrDefault(p => p.Value == key).Key;
            if (name is "key" or "keysecondary" && BookEntryMapping.Bool(bookEntry["use_regex"]) == true && value is JsonArray patterns)
            {
                // World Info has no use_regex: a regular expression key is written between slashes.
                entry[name] = new JsonArray([.. patterns.Select(p => JsonValue.Create($"/{BookEntryMapping.Text(p)}/"))]);
            }
            else if (name is not null && name != "uid")
            {
                entry[name] = value?.DeepClone();
            }
            else if (key == "enabled")
            {
                entry["disable"] = !(BookEntryMapping.Bool(value) ?? true);
            }
            else if (key == "position")
            {
                if (bookEntry["extensions"]?["position"] is null)
                {
                    entry["position"] = BookEntryMapping.Text(value) == "after_char" ? 1 : 0;
                }
            }
            else if (key is not "extensions" and not "id" and not "use_regex" and not "case_sensitive")
            {
                // A card entry's own fields (name, priority) have no World Info spelling; they travel as they are.
                entry[key] = value?.DeepClone();
            }
        }
        if (bookEntry["extensions"] is JsonObject extensions)
        {
            foreach (var (key, value) in extensions)
            {
                entry[KeptCamel.Contains(key) ? key : CamelCase(key)] = value?.DeepClone();
            }
        }
        return entry;
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                text.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static string CamelCase(string name)
    {
        var parts = name.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? "_" : char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
    }
}
