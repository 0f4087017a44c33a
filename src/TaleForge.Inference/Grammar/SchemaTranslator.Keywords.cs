using System.Globalization;
using System.Text.Json;

namespace TaleForge.Inference.Grammar;

/// <summary>Reading and checking keywords: which are known, which types they apply to, their numeric values.</summary>
internal sealed partial class SchemaTranslator
{
    private const int MaxRepetitions = GbnfParser.MaxRepetitions;

    /// <summary>Bounds beyond this are refused: they would not survive a double round trip.</summary>
    private const decimal MaxBound = 1_000_000_000_000_000m;

    private static readonly HashSet<string> _annotations =
        ["description", "title", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly", "$schema"];

    /// <summary>Keywords that constrain one kind of value; "number" covers integers too.</summary>
    private static readonly Dictionary<string, string> _typeKeywords = new()
    {
        ["properties"] = "object",
        ["required"] = "object",
        ["additionalProperties"] = "object",
        ["items"] = "array",
        ["minItems"] = "array",
        ["maxItems"] = "array",
        ["minLength"] = "string",
        ["maxLength"] = "string",
        ["minimum"] = "number",
        ["maximum"] = "number",
        ["exclusiveMinimum"] = "number",
        ["exclusiveMaximum"] = "number",
    };

    private static readonly HashSet<string> _structuralKeywords =
        ["type", "enum", "const", "anyOf", "oneOf", "$ref", "nullable", "$defs", "definitions", "$id"];

    private static readonly string[] _typeNames = ["object", "array", "string", "integer", "number", "boolean", "null"];

    private const string SupportedKeywords =
        "type, enum, const, properties, required, additionalProperties, items, minItems, maxItems, minLength, "
        + "maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, anyOf, oneOf, $ref, $defs, nullable";

    private (long? Low, long? High) ReadBounds(JsonElement schema, string pointer, bool wholeOnly)
    {
        var minimum = ReadNumber(schema, "minimum", pointer);
        var maximum = ReadNumber(schema, "maximum", pointer);
        var exclusiveMinimum = ReadExclusive(schema, "exclusiveMinimum", pointer, ref minimum);
        var exclusiveMaximum = ReadExclusive(schema, "exclusiveMaximum", pointer, ref maximum);

        if (wholeOnly)
        {
            if (exclusiveMinimum is not null || exclusiveMaximum is not null)
            {
                var keyword = exclusiveMinimum is not null ? "exclusiveMinimum" : "exclusiveMaximum";
                throw Unsupported(Child(pointer, keyword), "exclusive bounds on 'number' cannot be enforced by the grammar; use inclusive whole-number bounds or type 'integer'");
            }
            foreach (var (keyword, bound) in new[] { ("minimum", minimum), ("maximum", maximum) })
            {
                if (bound is { } value && value != decimal.Truncate(value))
                {
                    throw Unsupported(Child(pointer, keyword), $"the grammar enforces only whole-number bounds on 'number', not {value.ToString(CultureInfo.InvariantCulture)}");
                }
            }
            return ((long?)minimum, (long?)maximum);
        }

        long? low = minimum is { } min ? (long)decimal.Ceiling(min) : null;
        long? high = maximum is { } max ? (long)decimal.Floor(max) : null;
        if (exclusiveMinimum is { } exMin)
        {
            var bound = (long)decimal.Floor(exMin) + 1;
            low = low is null ? bound : Math.Max(low.Value, bound);
        }
        if (exclusiveMaximum is { } exMax)
        {
            var bound = (long)decimal.Ceiling(exMax) - 1;
            high = high is null ? bound : Math.Min(high.Value, bound);
        }
        return (low, high);
    }

    /// <summary>Reads exclusiveMinimum/Maximum as a number (draft 6 on) or as draft 4's flag on the inclusive bound.</summary>
    private decimal? ReadExclusive(JsonElement schema, string keyword, string pointer, ref decimal? inclusive)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            if (value.ValueKind == JsonValueKind.False)
            {
                return null;
            }
            var bound = inclusive ?? throw Unsupported(Child(pointer, keyword), $"'{keyword}': true needs the matching inclusive bound beside it");
            inclusive = null;
            return bound;
        }
        return ReadNumber(schema, keyword, pointer);
    }

    private decimal? ReadNumber(JsonElement schema, string keyword, string pointer)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || Math.Abs(number) > MaxBound)
        {
            throw Unsupported(Child(pointer, keyword), $"'{keyword}' must be a number no larger than {MaxBound:0} in size");
        }
        return number;
    }

    private int? ReadCount(JsonElement schema, string keyword, string pointer)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number < 0 || number != decimal.Truncate(number))
        {
            throw Unsupported(Child(pointer, keyword), $"'{keyword}' must be a non-negative whole number");
        }
        if (number > MaxRepetitions)
        {
            throw Unsupported(Child(pointer, keyword), $"'{keyword}' {number} is above {MaxRepetitions}, the largest repetition count a grammar may use");
        }
        return (int)number;
    }

    private void CheckRange(int min, int? max, string pointer, string minKeyword, string maxKeyword)
    {
        if (max is { } upper && min > upper)
        {
            throw Unsupported(Child(pointer, minKeyword), $"'{minKeyword}' {min} is above '{maxKeyword}' {upper}, so no value fits");
        }
    }

    private static HashSet<string> ReadRequired(JsonElement schema, string pointer, HashSet<string> declared)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (!schema.TryGetProperty("required", out var list))
        {
            return required;
        }
        var requiredPointer = Child(pointer, "required");
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Unsupported(requiredPointer, "'required' must be an array of property names");
        }
        var index = 0;
        foreach (var name in list.EnumerateArray())
        {
            var at = Child(requiredPointer, index.ToString(CultureInfo.InvariantCulture));
            if (name.ValueKind != JsonValueKind.String)
            {
                throw Unsupported(at, "'required' must list property names as strings");
            }
            if (!declared.Contains(name.GetString()!))
            {
                throw Unsupported(at, $"required property '{name.GetString()}' is not declared under 'properties'; declare it so the grammar knows its shape");
            }
            required.Add(name.GetString()!);
            index++;
        }
        return required;
    }

    /// <summary>The listed types, or the one implied by type-specific keywords; null when anything goes.</summary>
    private static List<string>? ReadTypes(JsonElement schema, string pointer)
    {
        var present = schema.EnumerateObject().Where(p => _typeKeywords.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (!schema.TryGetProperty("type", out var type))
        {
            var implied = present.Select(keyword => _typeKeywords[keyword]).Distinct().ToList();
            return implied.Count switch
            {
                0 => null,
                1 => implied,
                _ => throw Unsupported(pointer, $"keywords for several types ({string.Join(", ", present)}) and no 'type'; add a 'type'"),
            };
        }

        var typePointer = Child(pointer, "type");
        var names = type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array when type.GetArrayLength() > 0 && type.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String) =>
                type.EnumerateArray().Select(t => t.GetString()!).Distinct().ToList(),
            _ => throw Unsupported(typePointer, "'type' must be a type name or a non-empty array of type names"),
        };
        foreach (var name in names.Where(name => !_typeNames.Contains(name)))
        {
            throw Unsupported(typePointer, $"unknown type '{name}'; use one of {string.Join(", ", _typeNames)}");
        }
        foreach (var keyword in present)
        {
            var appliesTo = _typeKeywords[keyword];
            if (!names.Any(name => name == appliesTo || (appliesTo == "number" && name == "integer")))
            {
                throw Unsupported(Child(pointer, keyword), $"'{keyword}' does not apply to type {string.Join(" or ", names)}");
            }
        }
        return names;
    }

    private static void CheckKeywords(JsonElement schema, string pointer)
    {
        foreach (var keyword in schema.EnumerateObject().Select(p => p.Name))
        {
            if (_annotations.Contains(keyword) || _typeKeywords.ContainsKey(keyword) || _structuralKeywords.Contains(keyword))
            {
                if (keyword == "$id" && pointer.Length > 0)
                {
                    throw Unsupported(Child(pointer, keyword), "'$id' is supported only at the top of the schema (references resolve against the whole document)");
                }
                continue;
            }
            throw Unsupported(Child(pointer, keyword),
                $"unsupported keyword '{keyword}': the grammar cannot enforce it. Remove it, or express the rule with the supported keywords ({SupportedKeywords}); description, title, default and examples are ignored");
        }
    }

    /// <summary>Refuses keywords beside <paramref name="keyword"/> that it would silently override.</summary>
    private static void OnlyAlongside(JsonElement schema, string pointer, string keyword, params string[] allowed)
    {
        foreach (var (other, value) in schema.EnumerateObject().Select(p => (p.Name, p.Value)))
        {
            if (other == keyword || allowed.Contains(other) || _annotations.Contains(other)
                || other is "$defs" or "definitions" or "$id" or "nullable" || ConstrainsNothing(other, value))
            {
                continue;
            }
            throw Unsupported(Child(pointer, other), $"'{other}' cannot be combined with '{keyword}' in one schema; move it into the {keyword} branches");
        }
    }

    /// <summary>
    /// A subschema keyword holding the empty schema adds nothing; schema generators leave such siblings beside
    /// $ref (<c>{"$ref": "...", "items": {}}</c>), and refusing them would refuse valid schemas.
    /// </summary>
    private static bool ConstrainsNothing(string keyword, JsonElement value) =>
        keyword is "items" or "additionalProperties" or "properties"
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.Object && !value.EnumerateObject().Any()));
}
