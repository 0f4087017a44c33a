using System.Text.Json;

namespace TaleForge.Inference.Structured;

/// <summary>
/// The longest reply a schema allows, in characters: what a request must leave room for so that a grammar-bound
/// reply is never cut off mid-value. Strings count their maxLength, arrays their maxItems, enums their longest
/// value; an unbounded string or array makes the reply unbounded (null).
/// </summary>
public static class ReplyBound
{
    private const int NumberCharacters = 24;

    public static int? MaxCharacters(JsonElement schema) => Measure(schema, schema, depth: 0);

    private static int? Measure(JsonElement node, JsonElement root, int depth)
    {
        if (depth > 32)
        {
            return null;
        }
        if (node.ValueKind == JsonValueKind.True)
        {
            return null;
        }
        if (node.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }
        if (node.TryGetProperty("$ref", out var reference) && Resolve(root, reference.GetString()) is { } target)
        {
            return Measure(target, root, depth + 1);
        }
        if (node.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Select(v => v.GetRawText().Length).DefaultIfEmpty(0).Max();
        }
        if (node.TryGetProperty("const", out var constant))
        {
            return constant.GetRawText().Length;
        }
        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (node.TryGetProperty(keyword, out var branches))
            {
                var sizes = branches.EnumerateArray().Select(b => Measure(b, root, depth + 1)).ToList();
                return sizes.Any(s => s is null) ? null : sizes.Max();
            }
        }
        var types = node.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()]
            : [];
        var largest = 0;
        foreach (var kind in types)
        {
            int? size = kind switch
            {
                "string" => node.TryGetProperty("maxLength", out var max) ? max.GetInt32() + 2 : null,
                "integer" or "number" => NumberCharacters,
                "boolean" => 5,
                "null" => 4,
                "array" => MeasureArray(node, root, depth),
                "object" => MeasureObject(node, root, depth),
                _ => null,
            };
            if (size is null)
            {
                return null;
            }
            largest = Math.Max(largest, size.Value);
        }
        return largest;
    }

    private static int? MeasureArray(JsonElement node, JsonElement root, int depth)
    {
        if (!node.TryGetProperty("maxItems", out var max))
        {
            return null;
        }
        var item = node.TryGetProperty("items", out var items) ? Measure(items, root, depth + 1) : null;
        return item is null ? null : 2 + max.GetInt32() * (item.Value + 1);
    }

    private static int? MeasureObject(JsonElement node, JsonElement root, int depth)
    {
        var total = 2;
        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (Measure(property.Value, root, depth + 1) is not { } size)
                {
                    return null;
                }
                total += property.Name.Length + 4 + size;
            }
        }
        return total;
    }

    private static JsonElement? Resolve(JsonElement root, string? pointer)
    {
        if (pointer is null || !pointer.StartsWith('#'))
        {
            return null;
        }
        var node = root;
        foreach (var part in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out node))
            {
                return null;
            }
        }
        return node;
    }
}
