namespace TaleForge.Inference.Grammar;

/// <summary>
/// One node of a parsed GBNF rule body. Characters are Unicode code points, as llama.cpp matches them.
/// </summary>
public abstract record GbnfExpression;

/// <summary>A quoted literal: the exact code points, in order (possibly none).</summary>
public sealed record GbnfLiteral(IReadOnlyList<int> CodePoints) : GbnfExpression
{
    public string Text => string.Concat(CodePoints.Select(char.ConvertFromUtf32));
}

/// <summary>An inclusive code point range inside a character class; a single character has First == Last.</summary>
public readonly record struct GbnfCharRange(int First, int Last)
{
    public bool Contains(int codePoint) => First <= codePoint && codePoint <= Last;
}

/// <summary><c>[a-z_]</c> or, when <paramref name="Negated"/>, <c>[^"\\]</c>: one code point in (or not in) the ranges.</summary>
public sealed record GbnfCharClass(IReadOnlyList<GbnfCharRange> Ranges, bool Negated) : GbnfExpression
{
    public bool Matches(int codePoint)
    {
        var inRanges = false;
        foreach (var range in Ranges)
        {
            if (range.Contains(codePoint))
            {
                inRanges = true;
                break;
            }
        }
        return inRanges != Negated;
    }
}

/// <summary><c>.</c>: any single code point.</summary>
public sealed record GbnfAnyChar : GbnfExpression;

/// <summary>A reference to another rule by name.</summary>
public sealed record GbnfRuleReference(string Name, int Line, int Column) : GbnfExpression;

/// <summary>Items matched one after another; no items matches the empty string.</summary>
public sealed record GbnfSequence(IReadOnlyList<GbnfExpression> Items) : GbnfExpression;

/// <summary>Alternatives separated by <c>|</c>.</summary>
public sealed record GbnfAlternation(IReadOnlyList<GbnfExpression> Alternatives) : GbnfExpression;

/// <summary><c>x*</c>, <c>x+</c>, <c>x?</c> and <c>x{m,n}</c>; a null <paramref name="Max"/> means unbounded.</summary>
public sealed record GbnfRepetition(GbnfExpression Item, int Min, int? Max) : GbnfExpression;
