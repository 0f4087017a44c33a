using System.Text.Json.Nodes;
using TaleForge.Content;
using TaleForge.Content.Diagnostics;

namespace TaleForge.Cli.Presentation;

/// <summary>How load results are shown: compiler-style lines for people, JSON for machines.</summary>
internal static class DiagnosticReport
{
    /// <summary><c>file:line:col: error CODE: message</c>, then the hint indented below it.</summary>
    public static async Task WriteAsync(Diagnostic diagnostic, TextWriter writer)
    {
        await writer.WriteLineAsync(diagnostic.ToString());
        await writer.WriteLineAsync($"  hint: {diagnostic.Hint.ReplaceLineEndings("\n        ")}");
    }

    public static string Summary(LoadResult result) =>
        result.Diagnostics.Count == 0
            ? $"{result.Path}: ok ({Count(result.Files.Count, "file")})"
            : $"{result.Path}: {Count(result.ErrorCount, "error")}, {Count(result.WarningCount, "warning")}";

    public static JsonObject ToJson(LoadResult result) => new()
    {
        ["path"] = result.Path,
        ["id"] = result.Draft?.Info.Id,
        ["title"] = result.Draft?.Info.Title,
        ["valid"] = !result.HasErrors,
        ["errors"] = result.ErrorCount,
        ["warnings"] = result.WarningCount,
        ["files"] = new JsonArray([.. result.Files.Select(f => (JsonNode)f)]),
        ["diagnostics"] = new JsonArray([.. result.Diagnostics.Select(ToJson)]),
    };

    public static JsonObject ToJson(Diagnostic d) => new()
    {
        ["severity"] = d.IsError ? "error" : "warning",
        ["file"] = d.File,
        ["line"] = d.Line,
        ["column"] = d.Column,
        ["code"] = d.Code,
        ["message"] = d.Message,
        ["hint"] = d.Hint,
    };

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
