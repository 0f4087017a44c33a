using TaleForge.Inference.Grammar;

namespace TaleForge.Inference.Tests.Grammar;

public class GbnfRecognizerTests
{
    [Theory]
    [InlineData("root ::= \"abc\"", "abc", true)]
    [InlineData("root ::= \"abc\"", "ab", false)]
    [InlineData("root ::= \"abc\"", "abcd", false)]
    [InlineData("root ::= \"\"", "", true)]
    [InlineData("root ::= \"\"", " ", false)]
    [InlineData("root ::= [a-c]+", "abcabc", true)]
    [InlineData("root ::= [a-c]+", "", false)]
    [InlineData("root ::= [a-c]+", "abd", false)]
    [InlineData("root ::= [^a-c]", "d", true)]
    [InlineData("root ::= [^a-c]", "b", false)]
    [InlineData("root ::= .", "中", true)]
    [InlineData("root ::= .", "😀", true)]
    [InlineData("root ::= .", "ab", false)]
    [InlineData("root ::= \"x\"{2,3}", "x", false)]
    [InlineData("root ::= \"x\"{2,3}", "xx", true)]
    [InlineData("root ::= \"x\"{2,3}", "xxx", true)]
    [InlineData("root ::= \"x\"{2,3}", "xxxx", false)]
    [InlineData("root ::= \"x\"{2}", "xx", true)]
    [InlineData("root ::= \"x\"{2}", "xxx", false)]
    [InlineData("root ::= \"x\"{2,}", "xxxxxxx", true)]
    [InlineData("root ::= \"x\"{2,}", "x", false)]
    [InlineData("root ::= \"ab\"?", "", true)]
    [InlineData("root ::= \"ab\"?", "a", false)]
    [InlineData("root ::= (\"a\" | \"ab\") \"c\"", "abc", true)]
    [InlineData("root ::= (\"a\" | \"ab\") \"c\"", "ac", true)]
    [InlineData("root ::= (\"a\" | \"ab\") \"c\"", "abbc", false)]
    public void The_recognizer_accepts_exactly_the_texts_of_the_language(string grammar, string text, bool accepted)
    {
        Assert.Equal(accepted, GbnfGrammar.Parse(grammar).Accepts(text));
    }

    [Fact]
    public void Ambiguous_repetitions_are_resolved_by_trying_every_split()
    {
        // "a"* followed by "aa": a greedy matcher would eat every a and fail.
        var grammar = GbnfGrammar.Parse("root ::= (\"a\" | \"aa\")* \"aa\"");

        Assert.True(grammar.Accepts("aaaaa"));
        Assert.True(grammar.Accepts("aa"));
        Assert.False(grammar.Accepts("a"));
    }

    [Fact]
    public void Nested_rules_match_balanced_brackets_and_only_those()
    {
        var grammar = GbnfGrammar.Parse("""
            root ::= item*
            item ::= "(" root ")" | "[" root "]"
            """);

        Assert.True(grammar.Accepts("([()])[]"));
        Assert.False(grammar.Accepts("([)]"));
        Assert.False(grammar.Accepts("(("));
    }

    [Fact]
    public void Code_points_outside_the_basic_plane_count_as_one_character()
    {
        var grammar = GbnfGrammar.Parse("root ::= [^a]{2}");

        Assert.True(grammar.Accepts("😀😀"));
        Assert.False(grammar.Accepts("😀"));
    }

    [Fact]
    public void A_long_text_under_a_bounded_repetition_is_recognised_without_deep_recursion()
    {
        var grammar = GbnfGrammar.Parse("root ::= \"\\\"\" [a-z]{0,2000} \"\\\"\"");

        Assert.True(grammar.Accepts("\"" + new string('q', 2000) + "\""));
        Assert.False(grammar.Accepts("\"" + new string('q', 2001) + "\""));
    }
}
