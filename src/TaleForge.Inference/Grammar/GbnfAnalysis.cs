namespace TaleForge.Inference.Grammar;

/// <summary>Whole-grammar checks: undefined rules, nullable rules and left recursion.</summary>
internal static class GbnfAnalysis
{
    public static void CheckReferences(IReadOnlyDictionary<string, GbnfRule> rules)
    {
        foreach (var rule in rules.Values)
        {
            foreach (var reference in References(rule.Body))
            {
                if (!rules.ContainsKey(reference.Name))
                {
                    throw new GbnfException(
                        $"rule '{reference.Name}' is used in '{rule.Name}' but never defined",
                        reference.Line,
                        reference.Column);
                }
            }
        }
    }

    /// <summary>
    /// llama.cpp walks rules depth-first from the left: a rule that can reach itself without consuming a
    /// character never terminates, so it refuses such grammars; so do we, naming the cycle.
    /// An unbounded repetition of something that can match nothing counts too, since llama.cpp rewrites
    /// <c>x*</c> as <c>x' ::= x x' |</c>.
    /// </summary>
    public static void CheckLeftRecursion(IReadOnlyDictionary<string, GbnfRule> rules)
    {
        var nullable = NullableRules(rules);
        foreach (var rule in rules.Values)
        {
            CheckRepetitions(rule, rule.Body, nullable);
        }

        var leftmost = rules.Values.ToDictionary(r => r.Name, r => LeftmostReferences(r.Body, nullable).ToList(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var rule in rules.Values)
        {
            Visit(rule.Name);
        }

        void Visit(string name)
        {
            if (state.GetValueOrDefault(name) == 2)
            {
                return;
            }
            state[name] = 1;
            path.Add(name);
            foreach (var next in leftmost[name])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next);
                    var start = rules[next];
                    throw new GbnfException(
                        $"rule '{next}' is left-recursive ({string.Join(" -> ", cycle)}), which llama.cpp refuses or loops on forever; "
                        + "start each alternative with a literal or character class",
                        start.Line,
                        start.Column);
                }
                Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
    }

    public static IReadOnlySet<string> NullableRules(IReadOnlyDictionary<string, GbnfRule> rules)
    {
        var nullable = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var rule in rules.Values)
            {
                if (!nullable.Contains(rule.Name) && IsNullable(rule.Body, nullable))
                {
                    nullable.Add(rule.Name);
                    changed = true;
                }
            }
        }
        while (changed);
        return nullable;
    }

    public static bool IsNullable(GbnfExpression expression, IReadOnlySet<string> nullableRules) => expression switch
    {
        GbnfLiteral literal => literal.CodePoints.Count == 0,
        GbnfCharClass or GbnfAnyChar => false,
        GbnfRuleReference reference => nullableRules.Contains(reference.Name),
        GbnfSequence sequence => sequence.Items.All(item => IsNullable(item, nullableRules)),
        GbnfAlternation alternation => alternation.Alternatives.Any(alt => IsNullable(alt, nullableRules)),
        GbnfRepetition repetition => repetition.Min == 0 || IsNullable(repetition.Item, nullableRules),
        _ => throw new InvalidOperationException($"unknown grammar node {expression.GetType().Name}"),
    };

    private static IEnumerable<string> LeftmostReferences(GbnfExpression expression, IReadOnlySet<string> nullable)
    {
        switch (expression)
        {
            case GbnfRuleReference reference:
                yield return reference.Name;
                break;
            case GbnfSequence sequence:
                foreach (var item in sequence.Items)
                {
                    foreach (var name in LeftmostReferences(item, nullable))
                    {
                        yield return name;
                    }
                    if (!IsNullable(item, nullable))
                    {
                        yield break;
                    }
                }
                break;
            case GbnfAlternation alternation:
                foreach (var name in alternation.Alternatives.SelectMany(alt => LeftmostReferences(alt, nullable)))
                {
                    yield return name;
                }
                break;
            case GbnfRepetition repetition:
                foreach (var name in LeftmostReferences(repetition.Item, nullable))
                {
                    yield return name;
                }
                break;
            default:
                break;
        }
    }

    private static void CheckRepetitions(GbnfRule rule, GbnfExpression expression, IReadOnlySet<string> nullable)
    {
        foreach (var child in Children(expression))
        {
            CheckRepetitions(rule, child, nullable);
        }
        if (expression is GbnfRepetition { Max: null } repetition && IsNullable(repetition.Item, nullable))
        {
            throw new GbnfException(
                $"rule '{rule.Name}' repeats without bound something that can match nothing, which llama.cpp rewrites into left recursion",
                rule.Line,
                rule.Column);
        }
    }

    public static IEnumerable<GbnfRuleReference> References(GbnfExpression expression)
    {
        if (expression is GbnfRuleReference reference)
        {
            yield return reference;
        }
        foreach (var child in Children(expression))
        {
            foreach (var nested in References(child))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<GbnfExpression> Children(GbnfExpression expression) => expression switch
    {
        GbnfSequence sequence => sequence.Items,
        GbnfAlternation alternation => alternation.Alternatives,
        GbnfRepetition repetition => [repetition.Item],
        _ => [],
    };
}
