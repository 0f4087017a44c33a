using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaleForge.Inference.Structured;

/// <summary>
/// Tightens a record's schema for one call: a string property becomes an enum of the values that are valid
/// right now (the exits of this room, the people in it). The reply still binds to the same record, but a
/// grammar-constrained model can no longer name a door that is not there.
/// </summary>
public static class SchemaNarrowing
{
    /// <param name="schema">The record's schema, from <see cref="TypedJson.SchemaFor{T}"/>.</param>
    /// <param name="choices">JSON pointer of a string property (e.g. <c>/properties/command</c>, or
    /// <c>/properties/others/items/properties/character</c>) to the values allowed there.</param>
    public static JsonElement WithChoices(JsonElement schema, IReadOnlyDictionary<string, IReadOnlyList<string>> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var root = JsonNode.Parse(schema.GetRawText()) ?? throw new ArgumentException("The schema is empty.", nameof(schema));
        foreach (var (pointer, values) in choices)
        {
            if (values.Count == 0)
            {
                throw new ArgumentException($"No values given for {pointer}: a property with no valid choice cannot be answered.", nameof(choices));
            }
            var (parent, name) = Locate(root, pointer);
            var replacement = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. values.Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v))]),
            };
            if (parent[name]?["description"] is { } description)
            {
                replacement["description"] = description.DeepClone();
            }
            parent[name] = replacement;
        }
        return JsonSerializer.SerializeToElement(root);
    }

    /// <summary>Caps an array property's length for one call (as many views as there are people present, say).</summary>
    public static JsonElement WithMaxItems(JsonElement schema, string pointer, int maxItems)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxItems);
        var root = JsonNode.Parse(schema.GetRawText()) ?? throw new ArgumentException("The schema is empty.", nameof(schema));
        var (parent, name) = Locate(root, pointer);
        if (parent[name] is not JsonObject array || (string?)array["type"] != "array")
        {
            throw new ArgumentException($"'{pointer}' is not an array property.", nameof(pointer));
        }
        var current = (int?)array["maxItems"];
        array["maxItems"] = current is { } limit ? Math.Min(limit, maxItems) : maxItems;
        return JsonSerializer.SerializeToElement(root);
    }

    /// <summary>
    /// The schema with its string length caps (<c>maxLength</c>) raised in proportion, as far as the longest reply it
    /// allows fills <paramref name="characters"/>: our per-field caps give way to the model's own budget, while the
    /// grammar can still close every string before the token limit cuts the reply off mid-value (an uncapped
    /// string lets a sampler that never picks the closing quote run into the limit and leave unparsable JSON).
    /// Choices, item counts and required fields stay as they are; a cap never shrinks, and none exceeds what a
    /// grammar may repeat.
    /// </summary>
    public static JsonElement WithLengthBudget(JsonElement schema, int characters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(characters);
        if (ReplyBound.MaxCharacters(schema) is not { } longest || longest >= characters)
        {
            return schema;
        }
        // Keys, punctuation and other values do not grow with the caps, so the factor that fills the budget is
        // found by bisection on the bound itself (which grows with the factor) rather than as a plain ratio.
        JsonElement Raised(double factor)
        {
            var root = JsonNode.Parse(schema.GetRawText()) ?? throw new ArgumentException("The schema is empty.", nameof(schema));
            RaiseLengthCaps(root, factor);
            return JsonSerializer.SerializeToElement(root);
        }
        double low = 1, high = Grammar.GbnfParser.MaxRepetitions;
        for (var step = 0; step < 40 && high - low > 0.01; step++)
        {
            var middle = (low + high) / 2;
            if (ReplyBound.MaxCharacters(Raised(middle)) <= characters)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        return Raised(low);
    }

    private static void RaiseLengthCaps(JsonNode? node, double factor)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["maxLength"] is JsonValue cap && cap.TryGetValue<int>(out var length))
                {
                    o["maxLength"] = Math.Clamp((int)(length * factor), length, Grammar.GbnfParser.MaxRepetitions);
                }
                foreach (var (_, child) in o)
                {
                    RaiseLengthCaps(child, factor);
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    RaiseLengthCaps(child, factor);
                }
                break;
        }
    }

    private static (JsonObject Parent, string Name) Locate(JsonNode root, string pointer)
    {
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException($"'{pointer}' does not point at a property.", nameof(pointer));
        }
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = node[part] ?? throw new ArgumentException($"The schema has nothing at '{pointer}' (no '{part}').", nameof(pointer));
        }
        if (node is not JsonObject parent || parent[parts[^1]] is null)
        {
            throw new ArgumentException($"The schema has no property at '{pointer}'.", nameof(pointer));
        }
        return (parent, parts[^1]);
    }
}
