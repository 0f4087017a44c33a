using TaleForge.Core;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// A JSON schema the grammar converter cannot turn into an exact grammar: an unknown or unsupported keyword,
/// a contradiction, a reference that points nowhere. <see cref="Pointer"/> is the JSON pointer (as a URI
/// fragment, <c>#/properties/name/pattern</c>) of the offending part.
/// </summary>
public sealed class UnsupportedSchemaException : TaleForgeException
{
    public UnsupportedSchemaException(string pointer, string problem)
        : base($"schema {pointer}: {problem}")
    {
        Pointer = pointer;
        Problem = problem;
    }

    public UnsupportedSchemaException() { }

    public UnsupportedSchemaException(string message) : base(message) { }

    public UnsupportedSchemaException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Where in the schema, for example <c>#/properties/tags/uniqueItems</c>; <c>#</c> is the whole schema.</summary>
    public string Pointer { get; } = "#";

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; } = "";
}
