using TaleForge.Inference.Grammar;

namespace TaleForge.Inference.Tests.Grammar;

public class GbnfParsingTests
{
    [Fact]
    public void A_grammar_with_every_construct_parses_into_rules_in_written_order()
    {
        var grammar = GbnfGrammar.Parse("""
            # a comment line
            root   ::= greeting " " name+ (punct | "")   # trailing comment
            greeting ::= "hi" | "hello"
            name   ::= [A-Z] [a-z]{1,8} [^ \t]? .*
            punct  ::= (
                "!"
              | "?"
            ){0,3}
            """);

        Assert.Equal(["root", "greeting", "name", "punct"], grammar.Rules.Keys);
        Assert.Equal("root", grammar.Root);
        var greeting = Assert.IsType<GbnfAlternation>(grammar.Rules["greeting"].Body);
        Assert.Equal(["hi", "hello"], greeting.Alternatives.Cast<GbnfLiteral>().Select(l => l.Text));
        var name = Assert.IsType<GbnfSequence>(grammar.Rules["name"].Body);
        Assert.Equal(new GbnfCharRange('A', 'Z'), Assert.IsType<GbnfCharClass>(name.Items[0]).Ranges.Single());
        var letters = Assert.IsType<GbnfRepetition>(name.Items[1]);
        Assert.Equal((1, 8), (letters.Min, letters.Max!.Value));
        var notSpace = Assert.IsType<GbnfRepetition>(name.Items[2]);
        Assert.True(Assert.IsType<GbnfCharClass>(notSpace.Item).Negated);
        Assert.Equal((0, (int?)null), (Assert.IsType<GbnfRepetition>(name.Items[3]).Min, Assert.IsType<GbnfRepetition>(name.Items[3]).Max));
        Assert.Equal((4, 1), (grammar.Rules["name"].Line, grammar.Rules["name"].Column));
    }

    [Fact]
    public void Escapes_in_literals_and_classes_become_code_points()
    {
        var grammar = GbnfGrammar.Parse("""root ::= "\x41\u00e9\U0001F600\t\n\r\\\"\[\]" [\x00-\x1F\x2D\]]""");

        var sequence = Assert.IsType<GbnfSequence>(grammar.Rules["root"].Body);
        Assert.Equal([0x41, 0xE9, 0x1F600, '\t', '\n', '\r', '\\', '"', '[', ']'], Assert.IsType<GbnfLiteral>(sequence.Items[0]).CodePoints);
        Assert.Equal(
            [new GbnfCharRange(0, 0x1F), new GbnfCharRange('-', '-'), new GbnfCharRange(']', ']')],
            Assert.IsType<GbnfCharClass>(sequence.Items[1]).Ranges);
    }

    [Fact]
    public void A_dash_before_the_closing_bracket_is_a_plain_dash()
    {
        var grammar = GbnfGrammar.Parse("root ::= [a-]");

        Assert.Equal([new GbnfCharRange('a', 'a'), new GbnfCharRange('-', '-')], Assert.IsType<GbnfCharClass>(grammar.Rules["root"].Body).Ranges);
    }

    [Theory]
    [InlineData("root ::= \"abc", 1, 10, "unexpected end of grammar inside a quoted literal")]
    [InlineData("root ::= [abc", 1, 10, "unexpected end of grammar inside a character class: a '[' is never closed")]
    [InlineData("root ::= (\"a\" | \"b\"", 1, 20, "unexpected end of grammar: a '(' is never closed")]
    [InlineData("root ::= \"a\"\n  | \"b\"", 2, 3, "expected a rule name, found '|'")]
    [InlineData("root := \"a\"", 1, 6, "expected '::=' after rule name 'root'")]
    [InlineData("root ::= * \"a\"", 1, 10, "'*' must follow an item to repeat")]
    [InlineData("root ::= \"a\"{3,2}", 1, 13, "repetition {3,2} has its maximum below its minimum")]
    [InlineData("root ::= \"a\"{0,2001}", 1, 13, "repetition count above 2000; llama.cpp expands each count into its own rule, so keep counts at most 2000")]
    [InlineData("root ::= \"a\"{x}", 1, 14, "expected a number in the repetition count")]
    [InlineData("root ::= \"\\q\"", 1, 11, "unknown escape '\\q' (known: \\x \\u \\U \\t \\r \\n \\\\ \\\" \\[ \\])")]
    [InlineData("root ::= \"\\x4\"", 1, 11, "escape needs 2 hex digits")]
    [InlineData("root ::= [z-a]", 1, 12, "character range runs backwards")]
    [InlineData("root ::= \"a\" ::= \"b\"", 1, 14, "expected the end of the line after rule 'root', found ':'")]
    [InlineData("root ::= a_b", 1, 11, "expected the end of the line after rule 'root', found '_'")]
    public void A_malformed_grammar_reports_line_column_and_what_was_expected(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<GbnfException>(() => GbnfGrammar.Parse(text));

        Assert.Equal((line, column, problem), (error.Line, error.Column, error.Problem));
        Assert.Equal($"grammar {line}:{column}: {problem}", error.Message);
    }

    [Fact]
    public void A_reference_to_an_undefined_rule_is_reported_where_it_is_used()
    {
        var error = Assert.Throws<GbnfException>(() => GbnfGrammar.Parse("root ::= item\nitem ::= \"x\" items"));

        Assert.Equal("grammar 2:14: rule 'items' is used in 'item' but never defined", error.Message);
    }

    [Fact]
    public void A_rule_defined_twice_is_refused_rather_than_silently_replaced()
    {
        var error = Assert.Throws<GbnfException>(() => GbnfGrammar.Parse("root ::= \"a\"\nroot ::= \"b\""));

        Assert.Equal("grammar 2:1: rule 'root' is defined twice (first at 1:1); rename or merge one", error.Message);
    }

    [Fact]
    public void A_grammar_without_its_start_rule_is_refused()
    {
        var error = Assert.Throws<GbnfException>(() => GbnfGrammar.Parse("start ::= \"a\""));

        Assert.Equal("grammar 1:1: the grammar has no 'root' rule to start from; add 'root ::= ...'", error.Message);
        Assert.Equal("start", GbnfGrammar.Parse("start ::= \"a\"", root: "start").Root);
    }

    [Theory]
    [InlineData("root ::= root \"a\" | \"b\"", "rule 'root' is left-recursive (root -> root)")]
    [InlineData("root ::= x\nx ::= y \"a\"\ny ::= root | \"b\"", "rule 'root' is left-recursive (root -> x -> y -> root)")]
    [InlineData("root ::= e root \"a\" | \"b\"\ne ::= \"e\"?", "rule 'root' is left-recursive (root -> root)")]
    public void Left_recursion_is_refused_with_its_cycle_as_llama_cpp_would(string text, string start)
    {
        var error = Assert.Throws<GbnfException>(() => GbnfGrammar.Parse(text));

        Assert.StartsWith(start, error.Problem);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Unbounded_repetition_of_something_that_can_match_nothing_is_refused()
    {
        var error = Assert.Throws<GbnfException>(() => GbnfGrammar.Parse("root ::= (\"a\"?)*"));

        Assert.Equal("rule 'root' repeats without bound something that can match nothing, which llama.cpp rewrites into left recursion", error.Problem);
    }

    [Fact]
    public void Right_recursion_and_bounded_repetition_of_optional_items_are_fine()
    {
        var grammar = GbnfGrammar.Parse("root ::= \"(\" root \")\" | \"\"\nopt ::= (\"a\"?){0,3}");

        Assert.True(grammar.Accepts("((()))"));
    }
}
