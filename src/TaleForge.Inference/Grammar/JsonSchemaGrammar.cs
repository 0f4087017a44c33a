using System.Text.Json;

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

    /// <summary>
    /// The grammar for <paramref name="schema"/>, one rule per line, starting with <c>root</c>. Throws
    /// <see cref="UnsupportedSchemaException"/>, naming the JSON pointer, for any keyword it cannot enforce.
    /// </summary>
    public static string Convert(JsonElement schema) => new SchemaTranslator(schema).Translate();

    /// <summary>The same grammar, parsed and checked, for tests and diagnostics.</summary>
    public static GbnfGrammar ConvertToGrammar(JsonElement schema) => GbnfGrammar.Parse(Convert(schema), RootRule);
}
