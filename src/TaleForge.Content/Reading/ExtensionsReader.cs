using System.Collections.Immutable;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

/// <summary>Keeps whatever an author put under <c>extensions:</c>, in order: text as written, lists, mappings, nulls.</summary>
internal static class ExtensionsReader
{
    public static Extensions Read(MappingReader owner)
    {
        var node = owner.Value("extensions");
        if (node is null)
        {
            return Extensions.Empty;
        }
        if (node is not MappingNode mapping)
        {
            owner.Context.Diagnostics.Error(node.Start, DiagnosticCodes.WrongType,
                $"'extensions' should be a mapping, but it is {MappingReader.Describe(node)}",
                "write 'extensions:' followed by indented 'your_key: value' lines");
            return Extensions.Empty;
        }
        return ToExtensions(mapping);
    }

    private static Extensions ToExtensions(MappingNode mapping) =>
        new(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToValue(e.Value))));

    private static object? ToValue(Node node) => node switch
    {
        ScalarNode { IsNull: true } => null,
        ScalarNode scalar => scalar.Value,
        SequenceNode list => list.Items.Select(ToValue).ToImmutableArray(),
        MappingNode mapping => ToExtensions(mapping),
        _ => null,
    };
}
