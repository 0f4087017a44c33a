using Microsoft.Extensions.AI;

namespace TaleForge.Inference;

/// <summary>
/// Passes a raw GBNF grammar through <see cref="ChatOptions.AdditionalProperties"/>, for backends that constrain
/// sampling with one (the llama.cpp backend does; others ignore it). The grammar's start rule is <c>root</c>.
/// </summary>
public static class GrammarOptions
{
    /// <summary>The AdditionalProperties key under which the GBNF text travels.</summary>
    public const string GrammarKey = "taleforge.gbnf";

    /// <summary>Sets the grammar on <paramref name="options"/> and returns it, for chaining.</summary>
    public static ChatOptions WithGrammar(this ChatOptions options, string gbnf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(gbnf);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[GrammarKey] = gbnf;
        return options;
    }

    /// <summary>The grammar set on <paramref name="options"/>, if any.</summary>
    public static bool TryGetGrammar(this ChatOptions? options, out string gbnf)
    {
        if (options?.AdditionalProperties is { } properties && properties.TryGetValue(GrammarKey, out var value) && value is string text && !string.IsNullOrWhiteSpace(text))
        {
            gbnf = text;
            return true;
        }
        gbnf = "";
        return false;
    }
}
