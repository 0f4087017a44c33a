namespace TaleForge.Inference.Grammar;

/// <summary>
/// A parsed and checked GBNF grammar: every referenced rule defined, no rule defined twice, a root rule present
/// and no left recursion: llama.cpp refuses some of these grammars, and hangs on others (left recursion
/// through a rule that can match nothing passes its own check). Use it to check
/// a grammar before it reaches native code, to test whether a text is in its language, and to generate texts.
/// </summary>
public sealed class GbnfGrammar
{
    private readonly Dictionary<string, GbnfRule> _rules;

    private GbnfGrammar(Dictionary<string, GbnfRule> rules, string root)
    {
        _rules = rules;
        Root = root;
    }

    /// <summary>The rules by name, in the order they were written.</summary>
    public IReadOnlyDictionary<string, GbnfRule> Rules => _rules;

    /// <summary>The rule a text must match as a whole.</summary>
    public string Root { get; }

    /// <summary>
    /// Parses GBNF text. Throws <see cref="GbnfException"/> with the line and column of the first problem.
    /// </summary>
    /// <param name="text">The grammar, for example <c>root ::= "yes" | "no"</c>.</param>
    /// <param name="root">The start rule; llama.cpp samplers start at <c>root</c>.</param>
    public static GbnfGrammar Parse(string text, string root = "root")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(root);
        var rules = new Dictionary<string, GbnfRule>(StringComparer.Ordinal);
        foreach (var rule in GbnfParser.ParseRules(text))
        {
            if (rules.TryGetValue(rule.Name, out var earlier))
            {
                throw new GbnfException(
                    $"rule '{rule.Name}' is defined twice (first at {earlier.Line}:{earlier.Column}); rename or merge one",
                    rule.Line,
                    rule.Column);
            }
            rules.Add(rule.Name, rule);
        }
        if (!rules.ContainsKey(root))
        {
            throw new GbnfException($"the grammar has no '{root}' rule to start from; add '{root} ::= ...'", 1, 1);
        }
        GbnfAnalysis.CheckReferences(rules);
        GbnfAnalysis.CheckLeftRecursion(rules);
        return new GbnfGrammar(rules, root);
    }

    /// <summary>Whether the whole of <paramref name="text"/> matches the root rule.</summary>
    public bool Accepts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GbnfRecognizer.Accepts(this, text);
    }

    /// <summary>
    /// A random text of the language, reproducible for a seeded <paramref name="random"/>. Past
    /// <paramref name="maxDepth"/> nested rules every choice takes the shortest way out, so generation ends.
    /// </summary>
    public string Generate(Random random, int maxDepth = 16)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        return new GbnfGenerator(this, random, maxDepth).Generate();
    }
}
