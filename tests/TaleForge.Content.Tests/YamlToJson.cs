using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;

namespace TaleForge.Content.Tests;

/// <summary>
/// Converts a world file to JSON the way an editor's YAML tooling does (YAML 1.2 core schema: plain scalars
/// that look like numbers, booleans or null become those), so the file can be checked against the JSON Schema.
/// </summary>
internal static partial class YamlToJson
{
    public static string Convert(string path, string text)
    {
        var diagnostics = new DiagnosticBag();
        var root = DocumentReader.Read(new SourceFile(path, path, text), SourceLimits.Default, diagnostics)
            ?? throw new InvalidOperationException($"{path} does not parse: {string.Join("; ", diagnostics.Items)}");
        return ToJson(root)!.ToJsonString();
    }

    private static JsonNode? ToJson(Node node) => node switch
    {
        MappingNode mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        SequenceNode sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        ScalarNode { IsNull: true } => null,
        ScalarNode { IsPlain: true, Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        ScalarNode { IsPlain: true, Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        ScalarNode { IsPlain: true } s when Integer().IsMatch(s.Value) => JsonValue.Create(long.Parse(s.Value, CultureInfo.InvariantCulture)),
        ScalarNode { IsPlain: true } s when Float().IsMatch(s.Value) => JsonValue.Create(double.Parse(s.Value, CultureInfo.InvariantCulture)),
        ScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException($"Unexpected {node.GetType().Name}."),
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
