using System.Globalization;
using System.Text.Json;
using TaleForge.Inference.Grammar;

namespace TaleForge.Inference.Tests.Grammar;

public class NumberRangeTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 9)]
    [InlineData(7, 123)]
    [InlineData(10, 99)]
    [InlineData(19, 1001)]
    [InlineData(-15, 123)]
    [InlineData(-1000, -7)]
    [InlineData(-1, 1)]
    [InlineData(99, 100)]
    [InlineData(1234, 5678)]
    public void An_integer_range_accepts_exactly_its_integers_in_plain_decimal(long low, long high)
    {
        var grammar = Integers(low, high);

        for (var value = low - 30; value <= high + 30; value++)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            Assert.True(grammar.Accepts(text) == (value >= low && value <= high), $"{text} in [{low}, {high}]");
        }
        Assert.False(grammar.Accepts("0" + high.ToString(CultureInfo.InvariantCulture).TrimStart('-')), "leading zero");
        Assert.False(grammar.Accepts("-0"));
        Assert.False(grammar.Accepts("+1"));
    }

    [Fact]
    public void An_integer_range_far_from_zero_stays_exact_at_both_ends()
    {
        var grammar = Integers(123456789012, 123456799999);

        Assert.True(grammar.Accepts("123456789012"));
        Assert.True(grammar.Accepts("123456799999"));
        Assert.True(grammar.Accepts("123456790000"));
        Assert.False(grammar.Accepts("123456789011"));
        Assert.False(grammar.Accepts("123456800000"));
    }

    [Theory]
    [InlineData("-5", true)]
    [InlineData("-5.0", true)]
    [InlineData("-5.000000000", true)]
    [InlineData("-5.01", false)]
    [InlineData("-4.999999999", true)]
    [InlineData("-0.5", true)]
    [InlineData("0", true)]
    [InlineData("2.75", true)]
    [InlineData("3", true)]
    [InlineData("3.0", true)]
    [InlineData("3.1", false)]
    [InlineData("4", false)]
    [InlineData("03", false)]
    [InlineData("2.", false)]
    [InlineData(".5", false)]
    [InlineData("1e1", false)]
    [InlineData("2.1234567891", false)]
    public void A_number_range_with_whole_bounds_allows_fractions_inside_and_only_zeros_at_the_top(string text, bool accepted)
    {
        var grammar = JsonSchemaGrammar.ConvertToGrammar(JsonDocument.Parse("""{"type":"number","minimum":-5,"maximum":3}""").RootElement);

        Assert.Equal(accepted, grammar.Accepts(text));
    }

    [Fact]
    public void A_range_open_on_one_side_reaches_the_plain_integer_limit()
    {
        var atLeastTen = JsonSchemaGrammar.ConvertToGrammar(JsonDocument.Parse("""{"type":"integer","minimum":10}""").RootElement);
        var atMostMinusTwo = JsonSchemaGrammar.ConvertToGrammar(JsonDocument.Parse("""{"type":"integer","maximum":-2}""").RootElement);

        Assert.True(atLeastTen.Accepts("999999999"));
        Assert.False(atLeastTen.Accepts("1000000000"));
        Assert.False(atLeastTen.Accepts("9"));
        Assert.True(atMostMinusTwo.Accepts("-999999999"));
        Assert.False(atMostMinusTwo.Accepts("-1"));
    }

    private static GbnfGrammar Integers(long low, long high) =>
        JsonSchemaGrammar.ConvertToGrammar(JsonDocument.Parse($$"""{"type":"integer","minimum":{{low}},"maximum":{{high}}}""").RootElement);
}
