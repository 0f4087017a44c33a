using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Content.Yaml;

namespace TaleForge.Content.Writing;

/// <summary>Builds one mapping of the output, leaving out values equal to their defaults so files stay short.</summary>
internal sealed class MappingBuilder
{
    private readonly List<MappingEntry> _entries = [];

    public int Count => _entries.Count;

    public MappingBuilder Node(string key, Node? value)
    {
        if (value is not null)
        {
            _entries.Add(new MappingEntry(new ScalarNode(key, ScalarStyle.Plain), value));
        }
        return this;
    }

    /// <summary>Text, left out when it equals <paramref name="omit"/> (by default, when empty).</summary>
    public MappingBuilder Text(string key, string? value, string? omit = "") =>
        value is null || value == omit ? this : Node(key, YamlText.Scalar(value));

    /// <summary>Text that must be written even when empty (a required key).</summary>
    public MappingBuilder RequiredText(string key, string value) => Node(key, YamlText.Scalar(value));

    public MappingBuilder Boolean(string key, bool value, bool omit) =>
        value == omit ? this : Node(key, new ScalarNode(value ? "true" : "false", ScalarStyle.Plain));

    public MappingBuilder Integer(string key, int? value, int? omit = null) =>
        value is not { } v || v == omit ? this : Node(key, new ScalarNode(v.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain));

    public MappingBuilder Number(string key, double value) =>
        Node(key, new ScalarNode(value.ToString("R", CultureInfo.InvariantCulture), ScalarStyle.Plain));

    /// <summary>A list of text, in flow style (<c>[a, b]</c>) when short, left out when empty.</summary>
    public MappingBuilder Texts(string key, ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return this;
        }
        var flow = values.Sum(v => v.Length + 2) <= 60 && values.All(v => !v.Contains('\n', StringComparison.Ordinal));
        return Node(key, new SequenceNode([.. values.Select(YamlText.Scalar)], flow));
    }

    public MappingBuilder List<T>(string key, ImmutableArray<T> values, Func<T, Node> write) =>
        values.IsDefaultOrEmpty ? this : Node(key, new SequenceNode([.. values.Select(write)]));

    public MappingNode Build(bool flow = false) => new(_entries, flow);

    /// <summary>The mapping, or null when it has nothing to say (so an all-default section is left out).</summary>
    public MappingNode? BuildOrNull() => _entries.Count == 0 ? null : Build();
}
