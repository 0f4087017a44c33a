using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaleForge.Cli.Presentation;

internal static class Json
{
    private static readonly JsonSerializerOptions _options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode node) => node.ToJsonString(_options).ReplaceLineEndings("\n");
}
