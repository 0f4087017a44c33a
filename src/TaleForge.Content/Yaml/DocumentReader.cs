using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TaleForge.Content.Yaml;

/// <summary>
/// Reads one file's YAML into a <see cref="Node"/> tree from YamlDotNet's event stream, which lets us see what
/// a deserializer hides: every key's position, duplicate keys, anchors and aliases (refused, never expanded) and
/// nesting depth (bounded, without recursion). Returns the root mapping, or null when the file cannot be read.
/// </summary>
internal static class DocumentReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static MappingNode? Read(SourceFile file, SourceLimits limits, DiagnosticBag diagnostics)
    {
        var state = new ReadState(file.Path, limits, diagnostics);
        var parser = new Parser(new StringReader(file.Text));
        Node? root = null;
        var documents = 0;
        var last = Mark.Empty;
        while (Next(parser, last, state, diagnostics))
        {
            var current = parser.Current!;
            last = current.End;
            if (current is DocumentStart)
            {
                documents++;
                if (documents > 1)
                {
                    diagnostics.Error(state.At(current.Start), DiagnosticCodes.SeveralDocuments,
                        "the file holds more than one YAML document ('---' separates documents)",
                        "keep one document per file; put the rest in another file of the world");
                    return null;
                }
                continue;
            }
            if (current is DocumentEnd or StreamStart or StreamEnd or Comment)
            {
                continue;
            }
            if (!state.Accept(current, out var completed))
            {
                return null;
            }
            if (completed is not null)
            {
                root = completed;
            }
        }
        if (state.Failed)
        {
            return null;
        }

        switch (root)
        {
            case null:
            case ScalarNode { IsNull: true }:
                diagnostics.Error(new SourcePosition(file.Path, 1, 1), DiagnosticCodes.EmptyFile,
                    "the file has no YAML content", "start it with 'spec: taleforge/world@1', or delete it");
                return null;
            case MappingNode mapping:
                return mapping;
            default:
                diagnostics.Error(root.Start, DiagnosticCodes.NotAMapping,
                    $"the file is {Article(root)}, not a mapping",
                    "a world file is a mapping of sections: 'spec: taleforge/world@1' on the first line, then world:, locations:, items:, characters:, scenes:, lore:");
                return null;
        }
    }

    // YamlDotNet throws when asked for the value of an empty or non-specific ('!') tag.
    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    /// <summary>
    /// Advances the parser; a syntax error becomes a diagnostic and ends the file. YamlDotNet reports most errors
    /// as <see cref="YamlException"/>, but a few malformed inputs make its scanner throw other exceptions, which
    /// are caught here too, since they are still only bad input.
    /// </summary>
    private static bool Next(Parser parser, Mark last, ReadState state, DiagnosticBag diagnostics)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (YamlException e)
        {
            diagnostics.Error(state.At(e.Start), DiagnosticCodes.Syntax,
                $"YAML syntax error: {Describe(e)}", SyntaxHint);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            diagnostics.Error(state.At(last), DiagnosticCodes.Syntax,
                "YAML syntax error: the text after this point cannot be read as YAML", SyntaxHint);
        }
        state.Failed = true;
        return false;
    }

    private const string SyntaxHint =
        "check indentation and quoting here: items of one list must line up, brackets must close, and text containing ': ' or ' #' needs quotes";

    private static string Article(Node node) => node is ScalarNode ? "a single text value" : node.Kind;

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the position is shown apart.
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && start >= 0)
        {
            message = message[(start + 3)..];
        }
        message = message.Trim().TrimEnd('.');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "unreadable YAML";
    }

    /// <summary>The tree under construction: a stack of open lists and mappings, so depth costs no recursion.</summary>
    private sealed class ReadState(string file, SourceLimits limits, DiagnosticBag diagnostics)
    {
        private readonly Stack<Collection> _open = new();
        private bool _reportedAnchor;

        /// <summary>Set when the file could not be parsed to its end.</summary>
        public bool Failed { get; set; }

        public SourcePosition At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

        /// <summary>Takes one event; false stops reading the file. <paramref name="root"/> is set when the top node closes.</summary>
        public bool Accept(ParsingEvent e, out Node? root)
        {
            root = null;
            switch (e)
            {
                case AnchorAlias alias:
                    ReportAnchor(alias.Start, $"*{alias.Value}");
                    return Add(new InvalidNode(At(alias.Start)), out root);
                case Scalar scalar:
                    CheckProperties(scalar, isScalar: true);
                    return Add(ToScalar(scalar), out root);
                case SequenceStart sequence:
                    CheckProperties(sequence, isScalar: false);
                    return Open(new Collection(At(sequence.Start), isMapping: false, sequence.Style == SequenceStyle.Flow));
                case MappingStart mapping:
                    CheckProperties(mapping, isScalar: false);
                    return Open(new Collection(At(mapping.Start), isMapping: true, mapping.Style == MappingStyle.Flow));
                case SequenceEnd or MappingEnd:
                    return Add(_open.Pop().Build(), out root);
                default:
                    return true;
            }
        }

        private bool Open(Collection collection)
        {
            if (_open.Count >= limits.MaxDepth)
            {
                diagnostics.Error(collection.Start, DiagnosticCodes.TooDeep,
                    $"lists and mappings are nested more than {limits.MaxDepth} levels deep here",
                    "a world file never needs this depth; flatten the structure (the file is not read further)");
                return false;
            }
            _open.Push(collection);
            return true;
        }

        private bool Add(Node node, out Node? root)
        {
            root = null;
            if (_open.Count == 0)
            {
                root = node;
                return true;
            }
            _open.Peek().Add(node, diagnostics);
            return true;
        }

        private ScalarNode ToScalar(Scalar scalar)
        {
            var style = scalar.Style switch
            {
                YamlDotNet.Core.ScalarStyle.Plain => ScalarStyle.Plain,
                YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Block,
                _ => ScalarStyle.Quoted,
            };
            // An explicit !!str makes even "123" or "null" text, as quotes would.
            if (style == ScalarStyle.Plain && TagOf(scalar.Tag) == StringTag)
            {
                style = ScalarStyle.Quoted;
            }
            return new ScalarNode(scalar.Value, style, At(scalar.Start));
        }

        private void CheckProperties(NodeEvent node, bool isScalar)
        {
            if (!node.Anchor.IsEmpty)
            {
                ReportAnchor(node.Start, $"&{node.Anchor}");
            }
            if (TagOf(node.Tag) is { } tag && !(isScalar && tag == StringTag))
            {
                diagnostics.Error(At(node.Start), DiagnosticCodes.Tag,
                    $"the tag '{tag}' is not part of the format",
                    "remove the tag; use quotes to make a value text");
            }
        }

        private void ReportAnchor(Mark start, string written)
        {
            // One report per file: a billion-laughs file has hundreds of aliases and one message says it all.
            if (_reportedAnchor)
            {
                return;
            }
            _reportedAnchor = true;
            diagnostics.Error(At(start), DiagnosticCodes.AnchorOrAlias,
                $"anchors and aliases ('{written}') are not part of the format",
                "write the value out in full; aliases are refused, never expanded, so a small file cannot grow into a huge one");
        }
    }

    /// <summary>An open list or mapping collecting its children; a mapping alternates key and value.</summary>
    private sealed class Collection(SourcePosition start, bool isMapping, bool flow)
    {
        private readonly List<Node> _items = [];
        private readonly List<MappingEntry> _entries = [];
        private readonly Dictionary<string, SourcePosition> _keys = new(StringComparer.Ordinal);
        private Node? _pendingKey;

        public SourcePosition Start { get; } = start;

        public void Add(Node node, DiagnosticBag diagnostics)
        {
            if (!isMapping)
            {
                _items.Add(node);
                return;
            }
            if (_pendingKey is null)
            {
                _pendingKey = Key(node, diagnostics);
                return;
            }
            if (_pendingKey is ScalarNode key)
            {
                _entries.Add(new MappingEntry(key, node));
            }
            _pendingKey = null;
        }

        // A key that cannot be used becomes an InvalidNode, so its value is read and dropped.
        private Node Key(Node node, DiagnosticBag diagnostics)
        {
            if (node is InvalidNode)
            {
                return node;
            }
            if (node is not ScalarNode key)
            {
                diagnostics.Error(node.Start, DiagnosticCodes.ComplexKey,
                    $"a key here is {node.Kind}; keys must be plain text",
                    "write the key as a single word such as 'name'");
                return new InvalidNode(node.Start);
            }
            if (_keys.TryGetValue(key.Value, out var first))
            {
                diagnostics.Error(key.Start, DiagnosticCodes.DuplicateKey,
                    $"the key '{key.Value}' appears twice in this mapping (first at line {first.Line}, column {first.Column})",
                    "remove one of them or merge their values; YAML keeps only one, so the other would be lost silently");
                return new InvalidNode(key.Start);
            }
            _keys.Add(key.Value, key.Start);
            return key;
        }

        public Node Build() => isMapping
            ? new MappingNode(_entries, flow, Start)
            : new SequenceNode(_items, flow, Start);
    }
}
