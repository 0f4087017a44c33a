using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Yaml;

/// <summary>
/// A YAML value with the position it was read from. Our own small tree rather than YamlDotNet's representation
/// model: it keeps key positions, refuses aliases instead of expanding them, and is what the writer emits.
/// </summary>
internal abstract class Node(SourcePosition start)
{
    public SourcePosition Start { get; } = start;

    /// <summary>How the node reads in a message: "text", "a list", "a mapping".</summary>
    public abstract string Kind { get; }
}

internal enum ScalarStyle
{
    Plain,
    Quoted,
    Block,
}

internal sealed class ScalarNode(string value, ScalarStyle style, SourcePosition start = default) : Node(start)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;
    public bool IsPlain => Style == ScalarStyle.Plain;

    /// <summary>YAML's null: an empty or <c>~</c>/<c>null</c> plain value, as in <c>description:</c> with nothing after it.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => IsNull ? "empty" : "text";
}

internal sealed class SequenceNode(IReadOnlyList<Node> items, bool flow = false, SourcePosition start = default) : Node(start)
{
    public IReadOnlyList<Node> Items { get; } = items;
    public bool Flow { get; } = flow;
    public override string Kind => "a list";
}

internal sealed record MappingEntry(ScalarNode Key, Node Value);

internal sealed class MappingNode(IReadOnlyList<MappingEntry> entries, bool flow = false, SourcePosition start = default) : Node(start)
{
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;
    public bool Flow { get; } = flow;
    public override string Kind => "a mapping";

    public MappingEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }
        return null;
    }
}

/// <summary>Stands in for a value that was already reported (an alias, a complex key), so readers skip it silently.</summary>
internal sealed class InvalidNode(SourcePosition start) : Node(start)
{
    public override string Kind => "invalid";
}
