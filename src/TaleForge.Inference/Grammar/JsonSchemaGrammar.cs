using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// Turns a JSON schema into a GBNF grammar whose language is compact JSON (no whitespace) that the schema
/// accepts, so a model sampled under it always replies with a value that parses and validates.
/// See docs/structured-output.md for what is supported.
/// </summary>
public static class JsonSchemaGrammar
{
    /// <summary>The start rule of every grammar produced here.</summary>
    public const string RootRule = "root";

    /// <summary>Grammars by schema text: typed requests send the same few schemas over and over.</summary>
    private static readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    private const int CacheLimit = 256;

    /// <summary>
    /// The grammar for <paramref name="schema"/>, one rule per line, starting with <c>root</c>. Throws
    /// <see cref="UnsupportedSchemaException"/>, naming the JSON pointer, for any keyword it cannot enforce.
    /// </summary>
    public static string Convert(JsonElement schema) => new SchemaTranslator(schema).Translate();

    /// <summary>The same grammar, parsed and checked, for tests and diagnostics.</summary>
    public static GbnfGrammar ConvertToGrammar(JsonElement schema) => GbnfGrammar.Parse(Convert(schema), RootRule);

    /// <summary>
    /// The grammar a backend should sample under for <paramref name="format"/>: null for text (or no format), the
    /// schema's grammar for a JSON format with a schema, and any JSON object for a JSON format without one.
    /// Results are cached by schema text.
    /// </summary>
    public static string? ForResponseFormat(ChatResponseFormat? format)
    {
        if (format is not ChatResponseFormatJson json)
        {
            return null;
        }
        var schema = json.Schema ?? AnyObject;
        var key = schema.GetRawText();
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var grammar = Convert(schema);
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }
        _cache[key] = grammar;
        return grammar;
    }

    private static JsonElement AnyObject { get; } = JsonDocument.Parse("""{"type":"object"}""").RootElement;
}
