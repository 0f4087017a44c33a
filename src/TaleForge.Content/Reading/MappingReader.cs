using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;

namespace TaleForge.Content.Reading;

/// <summary>
/// Reads one YAML mapping as one of the format's <see cref="ObjectShape"/>s. Opening it reports unknown keys
/// (with "did you mean"), missing required keys and the one-key rule; each getter checks its value against the
/// key's shape (type, range, pattern, choice) and reports what is wrong, returning null so reading goes on.
/// </summary>
internal sealed class MappingReader
{
    private readonly MappingNode _node;
    private readonly ReadContext _context;

    private MappingReader(MappingNode node, ObjectShape shape, SourcePath path, ReadContext context)
    {
        _node = node;
        Shape = shape;
        Path = path;
        _context = context;
    }

    public ObjectShape Shape { get; }
    public SourcePath Path { get; }
    public SourcePosition Start => _node.Start;
    public ReadContext Context => _context;
    private DiagnosticBag Diagnostics => _context.Diagnostics;

    /// <summary>Opens <paramref name="node"/> as <paramref name="shape"/>; null (reported) when it is not a mapping.</summary>
    public static MappingReader? Open(Node node, ObjectShape shape, SourcePath path, ReadContext context, string? key = null)
    {
        if (node is InvalidNode)
        {
            return null;
        }
        if (node is not MappingNode mapping)
        {
            var what = key is null ? $"{shape.Noun} should be a mapping" : $"'{key}' should be {shape.Noun}, a mapping";
            context.Diagnostics.Error(node.Start, DiagnosticCodes.WrongType,
                $"{what}, but it is {Describe(node)}",
                shape.ExactlyOne
                    ? $"write it as a one-key mapping such as {{{shape.Fields[0].Name}: ...}}"
                    : $"write it as indented 'key: value' lines, for example '{shape.Fields[0].Name}: ...'");
            return null;
        }
        var reader = new MappingReader(mapping, shape, path, context);
        reader.CheckKeys();
        return reader;
    }

    /// <summary>The same mapping under another path (an entity's, once its id is known), without reporting its keys again.</summary>
    public static MappingReader Reopen(MappingReader reader, SourcePath path)
    {
        var reopened = new MappingReader(reader._node, reader.Shape, path, reader._context);
        reopened._context.Map.Add(path, reader._node.Start);
        foreach (var entry in reader._node.Entries)
        {
            if (reader.Shape.Find(entry.Key.Value) is not null)
            {
                reopened._context.Map.Add(path.Field(entry.Key.Value), entry.Value.Start);
            }
        }
        return reopened;
    }

    private void CheckKeys()
    {
        _context.Map.Add(Path, _node.Start);
        var present = new List<string>();
        foreach (var entry in _node.Entries)
        {
            var field = Shape.Find(entry.Key.Value);
            if (field is null)
            {
                ReportUnknown(entry.Key);
                continue;
            }
            present.Add(field.Name);
            _context.Map.Add(Path.Field(field.Name), entry.Value.Start);
        }

        if (Shape.ExactlyOne)
        {
            var kinds = string.Join(", ", Shape.Fields.Select(f => f.Name));
            if (present.Count == 0 && _node.Entries.Count == 0)
            {
                Diagnostics.Error(Start, DiagnosticCodes.MissingField, $"{Shape.Noun} is empty", $"write one of: {kinds}");
            }
            else if (present.Count > 1)
            {
                Diagnostics.Error(Start, DiagnosticCodes.InvalidValue,
                    $"{Shape.Noun} has one key, but this one has {string.Join(" and ", present.Select(p => $"'{p}'"))}",
                    Shape.Name == "condition" ? "combine conditions with all: [...] or any: [...]" : "write one act per line");
            }
            return;
        }

        foreach (var field in Shape.Fields.Where(f => f.Required))
        {
            var entry = _node.Find(field.Name);
            if (entry is null)
            {
                Diagnostics.Error(Start, DiagnosticCodes.MissingField,
                    $"{Shape.Noun} has no '{field.Name}'", $"add '{field.Name}:' ({FirstSentence(field.Description)})");
            }
            else if (entry.Value is ScalarNode { IsNull: true })
            {
                Diagnostics.Error(entry.Value.Start, DiagnosticCodes.MissingField,
                    $"'{field.Name}' of {Shape.Noun} is empty", $"give it a value ({FirstSentence(field.Description)})");
            }
        }
    }

    private void ReportUnknown(ScalarNode key)
    {
        var names = Shape.Fields.Select(f => f.Name).ToList();
        var known = $"{Shape.Noun} may have: {string.Join(", ", names)}";
        if (Shape.Find("extensions") is not null)
        {
            known += "; keep data of your own under 'extensions:'";
        }
        Diagnostics.Error(key.Start, DiagnosticCodes.UnknownKey,
            $"unknown key '{key.Value}' in {Shape.Noun}", Suggestion.Hint(key.Value, names, known));
    }

    /// <summary>The value under <paramref name="key"/>: null when absent, empty, or already reported.</summary>
    public Node? Value(string key)
    {
        Shape.Get(key);
        var value = _node.Find(key)?.Value;
        return value is null or InvalidNode or ScalarNode { IsNull: true } ? null : value;
    }

    public bool Has(string key) => Value(key) is not null;

    /// <summary>The position of the key's value, or of this mapping when the key is absent.</summary>
    public SourcePosition PositionOf(string key) => _node.Find(key)?.Value.Start ?? Start;

    public string? Text(string key)
    {
        var field = Shape.Get(key);
        return Value(key) is { } node ? Scalar(node, key, field.Shape, field.Refers is not null) : null;
    }

    public string Text(string key, string fallback) => Text(key) ?? fallback;

    public bool? Boolean(string key) => Value(key) is { } node && Scalar(node, key, new BooleanShape(), false) is { } text
        ? text is "true" or "True" or "TRUE"
        : null;

    public int? Integer(string key) =>
        Value(key) is { } node && Scalar(node, key, Shape.Get(key).Shape, false) is { } text
            ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : null;

    public double? Number(string key) =>
        Value(key) is { } node && Scalar(node, key, Shape.Get(key).Shape, false) is { } text
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    /// <summary>A list of text values; items that are not text are reported and left out.</summary>
    public ImmutableArray<string> Texts(string key)
    {
        var field = Shape.Get(key);
        var item = ((ListShape)field.Shape).Item;
        var texts = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, _) in Items(key))
        {
            if (Scalar(node, key, item, field.Refers is not null, inList: true) is { } text)
            {
                texts.Add(text);
            }
        }
        return texts.ToImmutable();
    }

    /// <summary>The items of a list, each with its path; a value that is not a list is reported and yields nothing.</summary>
    public IEnumerable<(Node Node, SourcePath Path)> Items(string key)
    {
        if (Value(key) is not { } value)
        {
            yield break;
        }
        if (value is not SequenceNode list)
        {
            Diagnostics.Error(value.Start, DiagnosticCodes.WrongType,
                $"'{key}' should be a list, but it is {Describe(value)}",
                $"write a list: '{key}: [first, second]', or one '- item' per line below '{key}:'");
            yield break;
        }
        var path = Path.Field(key);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            if (item is InvalidNode)
            {
                continue;
            }
            _context.Map.Add(path.Index(i), item.Start);
            yield return (item, path.Index(i));
        }
    }

    /// <summary>Opens the mapping under <paramref name="key"/> as its field's shape.</summary>
    public MappingReader? Mapping(string key)
    {
        var field = Shape.Get(key);
        var shape = WorldFormat.Object(((ObjectRef)field.Shape).Name);
        return Value(key) is { } node ? Open(node, shape, Path.Field(key), _context, key) : null;
    }

    /// <summary>Free key: value pairs with text values (an item's properties).</summary>
    public ImmutableDictionary<string, string> Properties(string key)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (Value(key) is not { } value)
        {
            return result.ToImmutable();
        }
        if (value is not MappingNode mapping)
        {
            Diagnostics.Error(value.Start, DiagnosticCodes.WrongType,
                $"'{key}' should be a mapping, but it is {Describe(value)}",
                $"write one 'name: value' line per property below '{key}:'");
            return result.ToImmutable();
        }
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } scalar)
            {
                result[entry.Key.Value] = scalar.Value;
                _context.Map.Add(Path.Field(key).Field(entry.Key.Value), entry.Value.Start);
            }
            else if (entry.Value is not InvalidNode)
            {
                Diagnostics.Error(entry.Value.Start, DiagnosticCodes.WrongType,
                    $"property '{entry.Key.Value}' should be text, a number or true/false, but it is {Describe(entry.Value)}",
                    "write each property as 'name: value' on one line");
            }
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Checks a scalar against a shape and returns its text, or reports and returns null. Text fields accept any
    /// scalar; references skip the id pattern, since a missing target is the clearer report.
    /// </summary>
    private string? Scalar(Node node, string key, Shape shape, bool isReference, bool inList = false)
    {
        var name = inList ? $"an item of '{key}'" : $"'{key}'";
        if (node is not ScalarNode scalar)
        {
            if (node is not InvalidNode)
            {
                Diagnostics.Error(node.Start, DiagnosticCodes.WrongType,
                    $"{name} should be {shape.Expected}, but it is {Describe(node)}", TypeHint(key, shape));
            }
            return null;
        }
        var text = scalar.Value;
        switch (shape)
        {
            case TextShape { Pattern: { } pattern, Rule: var rule } when !isReference:
                if (!Patterns.Get(pattern).IsMatch(text))
                {
                    Diagnostics.Error(scalar.Start, DiagnosticCodes.InvalidValue,
                        $"{name} is '{Clip(text)}', but {(pattern == WorldFormat.IdPattern ? "ids and flags" : "it")} may contain only {rule}",
                        pattern == WorldFormat.IdPattern && Slug(text) is { Length: > 0 } slug ? $"write '{slug}'" : $"write {rule}");
                    return null;
                }
                return text;
            case TextShape:
                return text;
            case BooleanShape when scalar.IsPlain && text is "true" or "false" or "True" or "False" or "TRUE" or "FALSE":
                return text;
            case IntegerShape integer when scalar.IsPlain && IsInteger(text):
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    || whole < (integer.Minimum ?? int.MinValue) || whole > (integer.Maximum ?? int.MaxValue))
                {
                    ReportRange(scalar, name, integer.Minimum, integer.Maximum, "whole number");
                    return null;
                }
                return text;
            case NumberShape number when scalar.IsPlain && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value):
                if (value < (number.Minimum ?? double.MinValue) || value > (number.Maximum ?? double.MaxValue))
                {
                    ReportRange(scalar, name, number.Minimum, number.Maximum, "number");
                    return null;
                }
                return text;
            case ChoiceShape choice:
                if (!choice.Values.Contains(text))
                {
                    Diagnostics.Error(scalar.Start, DiagnosticCodes.InvalidValue,
                        $"{name} is '{Clip(text)}', which is not one of: {string.Join(", ", choice.Values)}",
                        Suggestion.Hint(text, choice.Values, $"use one of: {string.Join(", ", choice.Values)}"));
                    return null;
                }
                return text;
            case TimeShape:
                if (!Patterns.Get(TimeShape.Pattern).IsMatch(text))
                {
                    Diagnostics.Error(scalar.Start, DiagnosticCodes.InvalidValue,
                        $"{name} is '{Clip(text)}', which is not a time of day", "write hours and minutes on a 24-hour clock, quoted: \"21:30\"");
                    return null;
                }
                return text;
            default:
                Diagnostics.Error(scalar.Start, DiagnosticCodes.WrongType,
                    $"{name} should be {shape.Expected}, but it is {(scalar.IsPlain ? $"'{Clip(text)}'" : $"the quoted text \"{Clip(text)}\"")}",
                    TypeHint(key, shape));
                return null;
        }
    }

    private void ReportRange<T>(ScalarNode scalar, string name, T? minimum, T? maximum, string noun)
        where T : struct, IFormattable
    {
        string Show(T v) => v.ToString(null, CultureInfo.InvariantCulture);
        var range = (minimum, maximum) switch
        {
            ({ } lo, { } hi) => $"from {Show(lo)} to {Show(hi)}",
            ({ } lo, null) => $"of at least {Show(lo)}",
            (null, { } hi) => $"of at most {Show(hi)}",
            _ => "that fits in 32 bits",
        };
        var hint = Shape.Name == "big_five"
            ? "Big Five scores run from 0 (low) to 1 (high); 0.5 is average"
            : $"use a {noun} {range}";
        Diagnostics.Error(scalar.Start, DiagnosticCodes.OutOfRange,
            $"{name} is {Clip(scalar.Value)}, but it must be a {noun} {range}", hint);
    }

    private static string TypeHint(string key, Shape shape) => shape switch
    {
        BooleanShape => "write true or false, without quotes",
        IntegerShape => "write a whole number without quotes, such as 3",
        NumberShape => "write a number without quotes, such as 0.5",
        ChoiceShape choice => $"use one of: {string.Join(", ", choice.Values)}",
        TimeShape => "write hours and minutes on a 24-hour clock, quoted: \"21:30\"",
        ListShape => $"write a list: '{key}: [first, second]', or one '- item' per line below '{key}:'",
        _ => $"write '{key}:' followed by plain text; quote text that contains ': ' or starts with a symbol",
    };

    private static bool IsInteger(string text) =>
        text.Length > 0 && text.AsSpan(text[0] is '-' or '+' ? 1 : 0) is { Length: > 0 } digits && digits.ContainsAnyExceptInRange('0', '9') is false;

    internal static string Describe(Node node) => node switch
    {
        ScalarNode { IsNull: true } => "empty",
        ScalarNode scalar => $"the text '{Clip(scalar.Value)}'",
        _ => node.Kind,
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string FirstSentence(string text)
    {
        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        var sentence = (stop < 0 ? text : text[..stop]).TrimEnd('.');
        return sentence.Length > 1 && char.IsUpper(sentence[0]) && !char.IsUpper(sentence[1])
            ? char.ToLowerInvariant(sentence[0]) + sentence[1..]
            : sentence;
    }

    /// <summary>A suggestion for an id written with spaces or capitals: "Old Hall" becomes "old-hall".</summary>
    internal static string Slug(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-').ToArray();
        return new string(chars).Trim('-', '_');
    }
}
