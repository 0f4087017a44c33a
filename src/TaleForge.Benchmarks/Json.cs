using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaleForge.Benchmarks;

/// <summary>How the benchmarks print JSON: indented by two, non-ASCII text as it is, newlines as \n on every OS.</summary>
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
