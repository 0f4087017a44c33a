using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// One schema's translation: walks the schema, gives each object, array and referenced definition a rule named
/// after its place (<c>root</c>, <c>location</c>, <c>tags-item</c>), and writes shared value rules at the end.
/// </summary>
internal sealed partial class SchemaTranslator
{
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
