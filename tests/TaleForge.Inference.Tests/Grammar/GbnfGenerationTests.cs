using TaleForge.Inference.Grammar;

namespace TaleForge.Inference.Tests.Grammar;

public class GbnfGenerationTests
{
    private static readonly string[] _grammars =
    [
        "root ::= [a-z]{1,5} (\",\" [0-9]+)*",
        "root ::= item*\nitem ::= \"(\" root \")\" | \"[\" root \"]\"",
        "root ::= value\nvalue ::= \"[\" (value (\",\" value)*)? \"]\" | [0-9]",
        "root ::= [^\"\\\\]{0,8} | \"x\"{3} | \"\"",
        "root ::= (\"a\"?){0,4} . [\\u00e0-\\u00ff]",
    ];

    [Fact]
    public void Every_generated_text_is_in_the_language_of_its_grammar()
    {
        foreach (var text in _grammars)
        {
            var grammar = GbnfGrammar.Parse(text);
            for (var seed = 0; seed < 200; seed++)
            {
                var generated = grammar.Generate(new Random(seed));
                Assert.True(grammar.Accepts(generated), $"seed {seed} of {text} generated {generated}");
            }
        }
    }

    [Fact]
    public void The_same_seed_generates_the_same_text_and_different_seeds_vary()
    {
        var grammar = GbnfGrammar.Parse(_grammars[0]);

        Assert.Equal(grammar.Generate(new Random(42)), grammar.Generate(new Random(42)));
        var distinct = Enumerable.Range(0, 50).Select(seed => grammar.Generate(new Random(seed))).Distinct().Count();
        Assert.True(distinct > 40, $"only {distinct} distinct texts from 50 seeds");
    }

    [Fact]
    public void Recursion_stops_at_the_depth_budget()
    {
        var grammar = GbnfGrammar.Parse("root ::= \"(\" root \")\" | \"x\"");

        for (var seed = 0; seed < 50; seed++)
        {
            var generated = grammar.Generate(new Random(seed), maxDepth: 5);
            Assert.True(generated.Count(c => c == '(') <= 5, generated);
            Assert.True(grammar.Accepts(generated));
        }
    }

    [Fact]
    public void A_grammar_that_can_never_finish_is_reported_instead_of_looping()
    {
        var grammar = GbnfGrammar.Parse("root ::= \"(\" root \")\"");

        var error = Assert.Throws<InvalidOperationException>(() => grammar.Generate(new Random(1)));
        Assert.Equal("rule 'root' can never finish: every derivation recurses forever", error.Message);
    }
}
