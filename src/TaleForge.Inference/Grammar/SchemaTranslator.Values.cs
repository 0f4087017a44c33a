using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TaleForge.Inference.Grammar;

/// <summary>The grammar of each kind of JSON value: objects, maps, arrays, strings, numbers, enums.</summary>
internal sealed partial class SchemaTranslator
{
    private static readonly JsonWriterOptions _compactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private GbnfFragment ObjectValue(JsonElement schema, string pointer, string hint)
    {
        var properties = new List<(string Name, JsonElement Schema)>();
        if (schema.TryGetProperty("properties", out var declared))
        {
            if (declared.ValueKind != JsonValueKind.Object)
            {
                throw Unsupported(Child(pointer, "properties"), "'properties' must be an object of schemas");
            }
            properties.AddRange(declared.EnumerateObject().Select(p => (p.Name, p.Value)));
        }
        var required = ReadRequired(schema, pointer, properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
        schema.TryGetProperty("additionalProperties", out var additional);

        if (properties.Count == 0)
        {
            if (additional.ValueKind == JsonValueKind.False)
            {
                return GbnfFragment.Literal("{}");
            }
            return MapValue(additional, pointer, hint);
        }

        var entries = properties.Select(p => GbnfFragment.Sequence(
            GbnfFragment.Literal(CompactJson(p.Name) + ":"),
            TranslateSchema(p.Schema, Child(Child(pointer, "properties"), p.Name), ChildHint(hint, p.Name), inlineStructure: false))).ToList();
        var isRequired = properties.Select(p => required.Contains(p.Name)).ToList();

        // Properties come in declared order. Before the first required one, each optional property may be the
        // first written; after the first written one, every later property is preceded by a comma.
        GbnfFragment Rest(int from) => GbnfFragment.Sequence(Enumerable.Range(from, entries.Count - from).Select(j =>
        {
            var entry = GbnfFragment.Sequence(GbnfFragment.Literal(","), entries[j]);
            return isRequired[j] ? entry : entry.Repeat(0, 1);
        }));
        var firstRequired = isRequired.IndexOf(true);
        var lastStart = firstRequired < 0 ? entries.Count - 1 : firstRequired;
        var body = GbnfFragment.Alternation(Enumerable.Range(0, lastStart + 1).Select(k => GbnfFragment.Sequence(entries[k], Rest(k + 1))));
        if (firstRequired < 0)
        {
            body = body.Repeat(0, 1);
        }
        return GbnfFragment.Sequence(GbnfFragment.Literal("{"), body, GbnfFragment.Literal("}"));
    }

    private GbnfFragment MapValue(JsonElement additional, string pointer, string hint)
    {
        var value = additional.ValueKind is JsonValueKind.Undefined or JsonValueKind.True
            ? Shared("value")
            : TranslateSchema(additional, Child(pointer, "additionalProperties"), ChildHint(hint, "value"), inlineStructure: false);
        value = AsSingleItem(value, ChildHint(hint, "value"), Child(pointer, "additionalProperties"));
        var entry = GbnfFragment.Sequence(Shared("string"), GbnfFragment.Literal(":"), value);
        var entries = GbnfFragment.Sequence(entry, GbnfFragment.Sequence(GbnfFragment.Literal(","), entry).Repeat(0, null));
        return GbnfFragment.Sequence(GbnfFragment.Literal("{"), entries.Repeat(0, 1), GbnfFragment.Literal("}"));
    }

    private GbnfFragment ArrayValue(JsonElement schema, string pointer, string hint)
    {
        GbnfFragment item;
        if (schema.TryGetProperty("items", out var items))
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                throw Unsupported(Child(pointer, "items"), "tuple arrays (items as an array of schemas) are not supported; use one schema for every item");
            }
            item = TranslateSchema(items, Child(pointer, "items"), ChildHint(hint, "item"), inlineStructure: false);
        }
        else
        {
            item = Shared("value");
        }
        var min = ReadCount(schema, "minItems", pointer) ?? 0;
        var max = ReadCount(schema, "maxItems", pointer);
        CheckRange(min, max, pointer, "minItems", "maxItems");
        if (max == 0)
        {
            return GbnfFragment.Literal("[]");
        }
        item = AsSingleItem(item, ChildHint(hint, "item"), Child(pointer, "items"));
        var more = GbnfFragment.Sequence(GbnfFragment.Literal(","), item).Repeat(Math.Max(min - 1, 0), max - 1);
        var list = GbnfFragment.Sequence(item, more);
        return GbnfFragment.Sequence(GbnfFragment.Literal("["), min == 0 ? list.Repeat(0, 1) : list, GbnfFragment.Literal("]"));
    }

    private GbnfFragment StringValue(JsonElement schema, string pointer)
    {
        var min = ReadCount(schema, "minLength", pointer) ?? 0;
        var max = ReadCount(schema, "maxLength", pointer);
        CheckRange(min, max, pointer, "minLength", "maxLength");
        if (min == 0 && max is null)
        {
            return Shared("string");
        }
        return GbnfFragment.Sequence(GbnfFragment.Literal("\""), Shared("char").Repeat(min, max), GbnfFragment.Literal("\""));
    }

    private GbnfFragment IntegerValue(JsonElement schema, string pointer)
    {
        var (low, high) = ReadBounds(schema, pointer, wholeOnly: false);
        if (low is null && high is null)
        {
            return Shared("integer");
        }
        var (from, to) = CompleteBounds(low, high);
        if (from > to)
        {
            throw Unsupported(pointer, $"no integer lies between the bounds ({from} > {to})");
        }
        return NumberRangeGrammar.Integer(from, to);
    }

    private GbnfFragment NumberValue(JsonElement schema, string pointer)
    {
        var (low, high) = ReadBounds(schema, pointer, wholeOnly: true);
        if (low is null && high is null)
        {
            return Shared("number");
        }
        var (from, to) = CompleteBounds(low, high);
        if (from > to)
        {
            throw Unsupported(pointer, $"minimum {from} is above maximum {to}");
        }
        return NumberRangeGrammar.Number(from, to);
    }

    /// <summary>A bound left open is closed at the plain-integer limit, or at the given bound's digit count if wider.</summary>
    private static (long From, long To) CompleteBounds(long? low, long? high)
    {
        static long Widest(long magnitude)
        {
            var nines = 9L;
            while (nines < magnitude)
            {
                nines = (nines * 10) + 9;
            }
            return Math.Max(nines, JsonValueRules.DefaultLimit);
        }
        var from = low ?? -Widest(Math.Abs(high ?? 0));
        var to = high ?? Widest(Math.Abs(low ?? 0));
        return (from, to);
    }

    /// <summary>An enum or const: each value written as compact JSON, keeping only values of the listed types.</summary>
    private GbnfFragment Values(IReadOnlyList<JsonElement> values, JsonElement schema, string pointer, string valuesPointer)
    {
        var types = schema.TryGetProperty("type", out _) ? ReadTypes(schema, pointer) : null;
        var kept = values.Where(value => types is null || types.Any(type => IsOfType(value, type))).ToList();
        if (kept.Count == 0)
        {
            throw Unsupported(valuesPointer, $"none of the values is of type {string.Join(" or ", types!)}");
        }
        return GbnfFragment.Alternation(kept.Select(value => GbnfFragment.Literal(CompactJson(value))));
    }

    private static bool IsOfType(JsonElement value, string type) => (type, value.ValueKind) switch
    {
        ("null", JsonValueKind.Null) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("string", JsonValueKind.String) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value.TryGetDecimal(out var number) && number == decimal.Truncate(number),
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        _ => false,
    };

    private static string CompactJson(string text) => CompactJson(JsonSerializer.SerializeToElement(text));

    private static string CompactJson(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, _compactWriter))
        {
            value.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
