using System.Globalization;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// GBNF for decimal numbers between two bounds. Whole-number ranges are split into runs of equal digit count,
/// then by leading digit, so that each alternative is a fixed prefix, one digit class and free trailing digits:
/// [7, 123] becomes <c>[7-9] | [1-9] [0-9] | "1" [0-1] [0-9] | "12" [0-3]</c>.
/// </summary>
internal static class NumberRangeGrammar
{
    /// <summary>Digits after the point that a number may carry.</summary>
    public const int FractionDigits = 9;

    /// <summary>Integers in [<paramref name="low"/>, <paramref name="high"/>], without leading zeros.</summary>
    public static GbnfFragment Integer(long low, long high)
    {
        var alternatives = new List<GbnfFragment>();
        if (low < 0)
        {
            // "-0" is left out: 0 is written once, unsigned.
            var negativeLow = high < 0 ? -high : 1;
            alternatives.Add(GbnfFragment.Sequence(GbnfFragment.Literal("-"), WholeNumbers(negativeLow, -low)));
        }
        if (high >= 0)
        {
            alternatives.Add(WholeNumbers(Math.Max(low, 0), high));
        }
        return GbnfFragment.Alternation(alternatives);
    }

    /// <summary>Decimal numbers in [<paramref name="low"/>, <paramref name="high"/>]; both bounds whole numbers.</summary>
    public static GbnfFragment Number(long low, long high)
    {
        if (low >= 0)
        {
            return NonNegativeNumber(low, high);
        }
        if (high <= 0)
        {
            return GbnfFragment.Sequence(GbnfFragment.Literal("-"), NonNegativeNumber(-high, -low));
        }
        return GbnfFragment.Alternation(
            GbnfFragment.Sequence(GbnfFragment.Literal("-"), NonNegativeNumber(0, -low)),
            NonNegativeNumber(0, high));
    }

    /// <summary>
    /// x in [a, b] with a, b whole: the integer part is below b with any fraction, or equals b with only zeros after the point.
    /// </summary>
    private static GbnfFragment NonNegativeNumber(long low, long high)
    {
        var zeros = GbnfFragment.Sequence(GbnfFragment.Literal("."), GbnfFragment.Literal("0").Repeat(1, FractionDigits));
        var atHigh = GbnfFragment.Sequence(GbnfFragment.Literal(Digits(high)), zeros.Repeat(0, 1));
        if (low == high)
        {
            return atHigh;
        }
        var below = GbnfFragment.Sequence(WholeNumbers(low, high - 1), Fraction.Repeat(0, 1));
        return GbnfFragment.Alternation(below, atHigh);
    }

    /// <summary><c>"." [0-9]{1,9}</c></summary>
    public static GbnfFragment Fraction { get; } =
        GbnfFragment.Sequence(GbnfFragment.Literal("."), GbnfFragment.Item("[0-9]").Repeat(1, FractionDigits));

    private static GbnfFragment WholeNumbers(long low, long high)
    {
        var alternatives = new List<GbnfFragment>();
        for (var length = Digits(low).Length; length <= Digits(high).Length; length++)
        {
            var from = length == Digits(low).Length ? low : Pow10(length - 1);
            var to = length == Digits(high).Length ? high : Pow10(length) - 1;
            SameLength(Digits(from), Digits(to), "", alternatives);
        }
        return GbnfFragment.Alternation(alternatives);
    }

    /// <summary>Every digit string of this length from <paramref name="low"/> to <paramref name="high"/>, after a fixed prefix.</summary>
    private static void SameLength(string low, string high, string prefix, List<GbnfFragment> alternatives)
    {
        if (low == high)
        {
            alternatives.Add(GbnfFragment.Literal(prefix + low));
            return;
        }
        if (low[0] == high[0])
        {
            SameLength(low[1..], high[1..], prefix + low[0], alternatives);
            return;
        }
        var rest = low.Length - 1;
        var first = low[0];
        var last = high[0];
        var lowTailIsZeros = low[1..].All(c => c == '0');
        var highTailIsNines = high[1..].All(c => c == '9');
        if (!lowTailIsZeros)
        {
            SameLength(low[1..], new string('9', rest), prefix + first, alternatives);
            first++;
        }
        if (!highTailIsNines)
        {
            last--;
        }
        if (first <= last)
        {
            var lead = first == last
                ? GbnfFragment.Literal(prefix + first)
                : GbnfFragment.Sequence(GbnfFragment.Literal(prefix), GbnfFragment.Item($"[{first}-{last}]"));
            alternatives.Add(GbnfFragment.Sequence(lead, GbnfFragment.Item("[0-9]").Repeat(rest, rest)));
        }
        if (!highTailIsNines)
        {
            SameLength(new string('0', rest), high[1..], prefix + high[0], alternatives);
        }
    }

    private static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }
}
