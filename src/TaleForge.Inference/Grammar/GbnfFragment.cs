namespace TaleForge.Inference.Grammar;

/// <summary>
/// A piece of GBNF rule body under construction, with enough shape to know when it needs parentheses:
/// an alternation inside a sequence, or anything but a single item under a repetition.
/// </summary>
internal readonly record struct GbnfFragment(string Text, GbnfFragmentShape Shape, IReadOnlyList<GbnfFragment>? Parts = null)
{
    public static readonly GbnfFragment Empty = new("", GbnfFragmentShape.Sequence);

    public static GbnfFragment Item(string text) => new(text, GbnfFragmentShape.Item);

    public static GbnfFragment Literal(string text) =>
        text.Length == 0 ? Empty : new(GbnfText.Literal(text), GbnfFragmentShape.Literal);

    public bool IsEmpty => Text.Length == 0;

    /// <summary>The fragment as one item, ready for a repetition suffix.</summary>
    public string AsItem => Shape is GbnfFragmentShape.Item or GbnfFragmentShape.Literal ? Text : $"({Text})";

    /// <summary>The fragment as part of a sequence.</summary>
    public string AsPart => Shape == GbnfFragmentShape.Alternation ? $"({Text})" : Text;

    public static GbnfFragment Sequence(params IEnumerable<GbnfFragment> parts)
    {
        var present = new List<GbnfFragment>();
        foreach (var part in parts.SelectMany(part => part.Parts ?? [part]).Where(part => !part.IsEmpty))
        {
            // Adjacent literals join into one: "{" "\"name\":" reads as "{\"name\":".
            if (part.Shape == GbnfFragmentShape.Literal && present.Count > 0 && present[^1].Shape == GbnfFragmentShape.Literal)
            {
                present[^1] = new(present[^1].Text[..^1] + part.Text[1..], GbnfFragmentShape.Literal);
            }
            else
            {
                present.Add(part);
            }
        }
        return present.Count switch
        {
            0 => Empty,
            1 => present[0],
            _ => new(string.Join(" ", present.Select(part => part.AsPart)), GbnfFragmentShape.Sequence, present),
        };
    }

    public static GbnfFragment Alternation(params IEnumerable<GbnfFragment> alternatives)
    {
        var distinct = alternatives.DistinctBy(alt => alt.Text).ToList();
        if (distinct.Count == 0)
        {
            throw new InvalidOperationException("an alternation needs at least one alternative");
        }
        if (distinct.Count == 1)
        {
            return distinct[0];
        }
        // An empty alternative reads better, and parses the same, as an optional group.
        if (distinct.Any(alt => alt.IsEmpty))
        {
            return Alternation(distinct.Where(alt => !alt.IsEmpty)).Repeat(0, 1);
        }
        return new(string.Join(" | ", distinct.Select(alt => alt.Text)), GbnfFragmentShape.Alternation);
    }

    /// <summary><c>x{min,max}</c> in its shortest spelling; a null max is unbounded.</summary>
    public GbnfFragment Repeat(int min, int? max)
    {
        if (IsEmpty || max == 0)
        {
            return Empty;
        }
        if (min == 1 && max == 1)
        {
            return this;
        }
        var suffix = (min, max) switch
        {
            (0, 1) => "?",
            (0, null) => "*",
            (1, null) => "+",
            (_, null) => $"{{{min},}}",
            _ when min == max => $"{{{min}}}",
            _ => $"{{{min},{max}}}",
        };
        return new(AsItem + suffix, GbnfFragmentShape.Repeated);
    }
}

internal enum GbnfFragmentShape
{
    /// <summary>A quoted literal, which joins with a neighbouring literal.</summary>
    Literal,

    /// <summary>A class, rule name or group.</summary>
    Item,

    /// <summary>An item with a repetition suffix: one item in a sequence, but grouped before another suffix.</summary>
    Repeated,

    /// <summary>Items side by side.</summary>
    Sequence,

    /// <summary>Alternatives joined by <c>|</c>.</summary>
    Alternation,
}
