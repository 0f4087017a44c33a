using System.Globalization;
using System.Text.Json;
using TaleForge.Inference.Structured;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// The most tokens a reply can take under its grammar, whatever the model writes: every token is at least one
/// byte, and a character the grammar allows is at most three bytes of UTF-8 (the grammar keeps to the Basic
/// Multilingual Plane; an escape is two bytes). Asking for this many tokens means a verdict is never cut short, so
/// a grammar-constrained judge always returns something that parses. Play sizes replies from
/// <see cref="ReplyBound"/>'s characters with a typical ratio instead; a judge's verdict must not depend on the
/// tokenizer, so evaluation counts bytes.
/// </summary>
public static class WorstCaseReply
{
    private const int BytesPerCharacter = 3;

    /// <summary>End-of-generation and a little room for a backend's own closing tokens.</summary>
    private const int Slack = 8;

    public static int Tokens<T>() => Tokens(TypedJson.SchemaFor<T>());

    public static int Tokens(JsonElement schema) => Of(schema) + Slack;

    private static int Of(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Max(v => System.Text.Encoding.UTF8.GetByteCount(v.GetRawText()) * BytesPerCharacter);
        }
        var type = schema.TryGetProperty("type", out var t) ? t.ValueKind == JsonValueKind.Array ? t[0].GetString() : t.GetString() : null;
        return type switch
        {
            "object" => 2 + schema.GetProperty("properties").EnumerateObject()
                .Sum(p => System.Text.Encoding.UTF8.GetByteCount(p.Name) + 4 + Of(p.Value)),
            "string" => 2 + BytesPerCharacter * Bound(schema, "maxLength"),
            "integer" => Digits(schema),
            "number" => 20,
            "boolean" => 5,
            "array" => 2 + Bound(schema, "maxItems") * (1 + Of(schema.GetProperty("items"))),
            _ => throw new ArgumentException($"A reply bound needs a typed schema, not {schema.GetRawText()}.", nameof(schema)),
        };
    }

    private static int Bound(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var bound)
            ? bound.GetInt32()
            : throw new ArgumentException($"A reply bound needs '{keyword}' on every string and list: {schema.GetRawText()}.", nameof(schema));

    private static int Digits(JsonElement schema)
    {
        var minimum = schema.TryGetProperty("minimum", out var min) ? min.GetDouble() : -999_999_999;
        var maximum = schema.TryGetProperty("maximum", out var max) ? max.GetDouble() : 999_999_999;
        var widest = Math.Max(Math.Abs(minimum), Math.Abs(maximum));
        return ((long)widest).ToString(CultureInfo.InvariantCulture).Length + 1;
    }
}
