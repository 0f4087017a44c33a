using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// One schema's translation: walks the schema, gives each object, array and referenced definition a rule named
/// after its place (<c>root</c>, <c>location</c>, <c>tags-item</c>), and writes shared value rules at the end.
/// </summary>
internal sealed partial class SchemaTranslator
{
    private const int MaxRepetitions = GbnfParser.MaxRepetitions;

    /// <summary>Bounds beyond this are refused: they would not survive a double round trip.</summary>
    private const decimal MaxBound = 1_000_000_000_000_000m;

    private static readonly HashSet<string> Annotations =
        ["description", "title", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly", "$schema"];

    /// <summary>Keywords that constrain one kind of value; "number" covers integers too.</summary>
    private static readonly Dictionary<string, string> TypeKeywords = new()
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

    private static readonly HashSet<string> StructuralKeywords =
        ["type", "enum", "const", "anyOf", "oneOf", "$ref", "nullable", "$defs", "definitions", "$id"];

    private static readonly string[] TypeNames = ["object", "array", "string", "integer", "number", "boolean", "null"];

    private const string SupportedKeywords =
        "type, enum, const, properties, required, additionalProperties, items, minItems, maxItems, minLength, "
        + "maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, anyOf, oneOf, $ref, $defs, nullable";

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonElement _document;
    private readonly List<RuleDraft> _rules = [];
    private readonly Dictionary<string, string> _ruleByPointer = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal) { JsonSchemaGrammar.RootRule };
    private readonly HashSet<string> _sharedUsed = new(StringComparer.Ordinal);

    public SchemaTranslator(JsonElement document)
    {
        _document = document;
        foreach (var (name, _, _) in JsonValueRules.All)
        {
            _names.Add(name);
        }
    }

    public string Translate()
    {
        _ruleByPointer[""] = JsonSchemaGrammar.RootRule;
        var root = Reserve(JsonSchemaGrammar.RootRule, "");
        Fill(root, TranslateSchema(_document, "", JsonSchemaGrammar.RootRule, inlineStructure: true));

        var text = new StringBuilder();
        foreach (var rule in _rules)
        {
            text.Append(rule.Name).Append(" ::= ").Append(rule.Body).Append('\n');
        }
        var shared = SharedClosure();
        foreach (var (name, body, _) in JsonValueRules.All.Where(rule => shared.Contains(rule.Name)))
        {
            text.Append(name).Append(" ::= ").Append(body).Append('\n');
        }
        var grammar = text.ToString();
        SelfCheck(grammar);
        return grammar;
    }

    private HashSet<string> SharedClosure()
    {
        var closure = new HashSet<string>(_sharedUsed, StringComparer.Ordinal);
        var pending = new Stack<string>(closure);
        while (pending.TryPop(out var name))
        {
            foreach (var used in JsonValueRules.All.First(rule => rule.Name == name).Uses)
            {
                if (closure.Add(used))
                {
                    pending.Push(used);
                }
            }
        }
        return closure;
    }

    /// <summary>
    /// Parses the result as llama.cpp would. A definition that reaches itself through $ref before any JSON text
    /// is the one failure a schema can cause here; it is reported at that definition.
    /// </summary>
    private void SelfCheck(string grammar)
    {
        try
        {
            GbnfGrammar.Parse(grammar, JsonSchemaGrammar.RootRule);
        }
        catch (GbnfException error) when (error.Line >= 1 && error.Line <= _rules.Count)
        {
            var rule = _rules[error.Line - 1];
            throw new UnsupportedSchemaException(
                Display(rule.Pointer),
                "this definition refers back to itself through $ref before any JSON text, so no finite value matches it");
        }
    }

    private GbnfFragment TranslateSchema(JsonElement schema, string pointer, string hint, bool inlineStructure)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return Shared("value");
            case JsonValueKind.False:
                throw Unsupported(pointer, "the schema 'false' matches no value, so no reply could satisfy it");
            case JsonValueKind.Object:
                break;
            default:
                throw Unsupported(pointer, $"a schema must be an object or a boolean, not {Describe(schema.ValueKind)}");
        }

        CheckKeywords(schema, pointer);
        var core = TranslateObjectSchema(schema, pointer, hint, inlineStructure);
        if (schema.TryGetProperty("nullable", out var nullable))
        {
            if (nullable.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Unsupported(Child(pointer, "nullable"), "'nullable' must be true or false");
            }
            if (nullable.ValueKind == JsonValueKind.True)
            {
                return GbnfFragment.Alternation(core, GbnfFragment.Literal("null"));
            }
        }
        return core;
    }

    private GbnfFragment TranslateObjectSchema(JsonElement schema, string pointer, string hint, bool inlineStructure)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            OnlyAlongside(schema, pointer, "$ref");
            return GbnfFragment.Item(RuleForReference(reference, Child(pointer, "$ref")));
        }
        if (schema.TryGetProperty("const", out var constant))
        {
            OnlyAlongside(schema, pointer, "const", "type");
            return Values([constant], schema, pointer, Child(pointer, "const"));
        }
        if (schema.TryGetProperty("enum", out var values))
        {
            OnlyAlongside(schema, pointer, "enum", "type");
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
            {
                throw Unsupported(Child(pointer, "enum"), "'enum' must be a non-empty array of values");
            }
            return Values([.. values.EnumerateArray()], schema, pointer, Child(pointer, "enum"));
        }
        foreach (var combinator in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                OnlyAlongside(schema, pointer, combinator);
                if (options.ValueKind != JsonValueKind.Array || options.GetArrayLength() == 0)
                {
                    throw Unsupported(Child(pointer, combinator), $"'{combinator}' must be a non-empty array of schemas");
                }
                var optionPointer = Child(pointer, combinator);
                return GbnfFragment.Alternation(options.EnumerateArray().Select((option, index) =>
                    TranslateSchema(option, Child(optionPointer, index.ToString(CultureInfo.InvariantCulture)), $"{hint}-{index + 1}", inlineStructure: false)));
            }
        }

        var types = ReadTypes(schema, pointer);
        if (types is null)
        {
            return Shared("value");
        }
        return GbnfFragment.Alternation(types.Select(type => TranslateType(type, schema, pointer, hint, inlineStructure && types.Count == 1)));
    }

    private GbnfFragment TranslateType(string type, JsonElement schema, string pointer, string hint, bool inlineStructure) => type switch
    {
        "null" => GbnfFragment.Literal("null"),
        "boolean" => Shared("boolean"),
        "string" => StringValue(schema, pointer),
        "integer" => IntegerValue(schema, pointer),
        "number" => NumberValue(schema, pointer),
        "object" => Structure(hint, pointer, inlineStructure, () => ObjectValue(schema, pointer, hint)),
        "array" => Structure(hint, pointer, inlineStructure, () => ArrayValue(schema, pointer, hint)),
        _ => throw new InvalidOperationException($"unknown type {type}"),
    };

    private GbnfFragment Structure(string hint, string pointer, bool inline, Func<GbnfFragment> body)
    {
        if (inline)
        {
            return body();
        }
        var name = NewRuleName(hint);
        var index = Reserve(name, pointer);
        Fill(index, body());
        return GbnfFragment.Item(name);
    }

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
            throw Unsupported(Child(pointer, keyword), $"'{keyword}' {number} is above {MaxRepetitions}, the largest repetition llama.cpp grammars allow");
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

    /// <summary>The listed types, or the one implied by type-specific keywords; null when anything goes.</summary>
    private static List<string>? ReadTypes(JsonElement schema, string pointer)
    {
        var present = schema.EnumerateObject().Where(p => TypeKeywords.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (!schema.TryGetProperty("type", out var type))
        {
            var implied = present.Select(keyword => TypeKeywords[keyword]).Distinct().ToList();
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
        foreach (var name in names.Where(name => !TypeNames.Contains(name)))
        {
            throw Unsupported(typePointer, $"unknown type '{name}'; use one of {string.Join(", ", TypeNames)}");
        }
        foreach (var keyword in present)
        {
            var appliesTo = TypeKeywords[keyword];
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
            if (Annotations.Contains(keyword) || TypeKeywords.ContainsKey(keyword) || StructuralKeywords.Contains(keyword))
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
            if (other == keyword || allowed.Contains(other) || Annotations.Contains(other)
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

    private string RuleForReference(JsonElement reference, string at)
    {
        if (reference.ValueKind != JsonValueKind.String)
        {
            throw Unsupported(at, "'$ref' must be a string");
        }
        var text = reference.GetString()!;
        if (!text.StartsWith('#'))
        {
            throw Unsupported(at, $"only references inside the schema (\"#/$defs/Name\") are supported, not '{text}'");
        }
        var target = Uri.UnescapeDataString(text[1..]);
        if (_ruleByPointer.TryGetValue(target, out var known))
        {
            return known;
        }
        var (element, lastSegment) = Resolve(target, at, text);
        var name = NewRuleName(lastSegment);
        _ruleByPointer[target] = name;
        var index = Reserve(name, target);
        Fill(index, TranslateSchema(element, target, name, inlineStructure: true));
        return name;
    }

    private (JsonElement Element, string LastSegment) Resolve(string target, string at, string text)
    {
        if (!target.StartsWith('/'))
        {
            throw Unsupported(at, $"'{text}' is not a JSON pointer; write '#/$defs/Name'");
        }
        var current = _document;
        var last = "";
        foreach (var raw in target[1..].Split('/'))
        {
            last = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            var found = current.ValueKind switch
            {
                JsonValueKind.Object => current.TryGetProperty(last, out var next) ? next : (JsonElement?)null,
                JsonValueKind.Array => int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength() ? current[i] : null,
                _ => null,
            };
            current = found ?? throw Unsupported(at, $"'{text}' points to nothing in this schema");
        }
        return (current, last);
    }

    private GbnfFragment AsSingleItem(GbnfFragment fragment, string hint, string pointer)
    {
        // An item written twice (first, then after each comma) gets its own rule rather than repeating its text.
        if (fragment.Shape is GbnfFragmentShape.Item or GbnfFragmentShape.Literal)
        {
            return fragment;
        }
        var name = NewRuleName(hint);
        Fill(Reserve(name, pointer), fragment);
        return GbnfFragment.Item(name);
    }

    private GbnfFragment Shared(string name)
    {
        _sharedUsed.Add(name);
        return GbnfFragment.Item(name);
    }

    private int Reserve(string name, string pointer)
    {
        _rules.Add(new RuleDraft(name, pointer, ""));
        return _rules.Count - 1;
    }

    private void Fill(int index, GbnfFragment body) => _rules[index] = _rules[index] with { Body = body.Text };

    private string NewRuleName(string hint)
    {
        var name = RuleNameChars().Replace(hint, "-").Trim('-');
        if (name.Length == 0)
        {
            name = "rule";
        }
        var unique = name;
        for (var n = 2; !_names.Add(unique); n++)
        {
            unique = $"{name}-{n}";
        }
        return unique;
    }

    private static string ChildHint(string hint, string segment) =>
        hint == JsonSchemaGrammar.RootRule ? segment : $"{hint}-{segment}";

    private static string CompactJson(string text) => CompactJson(JsonSerializer.SerializeToElement(text));

    private static string CompactJson(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            value.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Child(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Display(string pointer) => "#" + pointer;

    private static UnsupportedSchemaException Unsupported(string pointer, string problem) => new(Display(pointer), problem);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex("[^A-Za-z0-9-]+")]
    private static partial Regex RuleNameChars();

    private sealed record RuleDraft(string Name, string Pointer, string Body);
}
