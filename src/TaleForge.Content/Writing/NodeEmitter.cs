using TaleForge.Content.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using ScalarStyle = TaleForge.Content.Yaml.ScalarStyle;

namespace TaleForge.Content.Writing;

/// <summary>Writes a <see cref="Node"/> tree as YAML text through YamlDotNet's emitter, which handles quoting and escapes.</summary>
internal static class NodeEmitter
{
    public static string Emit(MappingNode root, string? leadingComment)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        if (leadingComment is not null)
        {
            writer.Write($"# {leadingComment}\n");
        }
        // No line wrapping: a long sentence stays on one line, as authors write it.
        var settings = new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: true, newLine: "\n");
        var emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Write(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Write(IEmitter emitter, Node node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                var style = scalar.Style switch
                {
                    ScalarStyle.Quoted => YamlDotNet.Core.ScalarStyle.DoubleQuoted,
                    ScalarStyle.Block => YamlDotNet.Core.ScalarStyle.Literal,
                    _ => YamlDotNet.Core.ScalarStyle.Plain,
                };
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value, style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case SequenceNode sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, sequence.Flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    Write(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case MappingNode mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, mapping.Flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var entry in mapping.Entries)
                {
                    Write(emitter, entry.Key);
                    Write(emitter, entry.Value);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new InvalidOperationException($"Cannot write a {node.GetType().Name}.");
        }
    }
}
