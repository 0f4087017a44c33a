using System.Text;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// Random derivations of a grammar, for property tests. Each rule's shortest way out (the fewest nested rules
/// needed to finish) is computed first; past the depth budget every choice takes it, so generation always ends.
/// Repetition counts favour their bounds, where mistakes hide.
/// </summary>
internal sealed class GbnfGenerator
{
    /// <summary>Extra items drawn for an unbounded repetition beyond its minimum, near the top and deep down.</summary>
    private const int UnboundedExtra = 3;
    private const int UnboundedExtraDeep = 1;

    /// <summary>Code points tried for negated classes and '.': ASCII, accents, CJK, an emoji, controls.</summary>
    private static readonly int[] _candidates =
    [
        .. Enumerable.Range(0x20, 0x5F),
        '\n', '\t', 0x7F, 0x85, 0xA0, 'é', 'ß', 'Ω', '—', '’', '…', '中', '文', 0x1F600,
    ];

    private readonly GbnfGrammar _grammar;
    private readonly Random _random;
    private readonly int _maxDepth;
    private readonly Dictionary<string, int> _exitDepth;
    private readonly StringBuilder _output = new();

    public GbnfGenerator(GbnfGrammar grammar, Random random, int maxDepth)
    {
        _grammar = grammar;
        _random = random;
        _maxDepth = maxDepth;
        _exitDepth = ExitDepths(grammar);
    }

    public string Generate()
    {
        if (!_exitDepth.ContainsKey(_grammar.Root))
        {
            throw new InvalidOperationException($"rule '{_grammar.Root}' can never finish: every derivation recurses forever");
        }
        _output.Clear();
        Emit(new GbnfRuleReference(_grammar.Root, 0, 0), 0);
        return _output.ToString();
    }

    private void Emit(GbnfExpression expression, int depth)
    {
        var hurry = depth + (long)ExitDepth(expression) >= _maxDepth;
        switch (expression)
        {
            case GbnfLiteral literal:
                foreach (var codePoint in literal.CodePoints)
                {
                    Append(codePoint);
                }
                break;
            case GbnfCharClass charClass:
                Append(PickChar(charClass));
                break;
            case GbnfAnyChar:
                Append(_candidates[_random.Next(_candidates.Length)]);
                break;
            case GbnfRuleReference reference:
                Emit(_grammar.Rules[reference.Name].Body, depth + 1);
                break;
            case GbnfSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Emit(item, depth);
                }
                break;
            case GbnfAlternation alternation:
                Emit(PickAlternative(alternation, depth, hurry), depth);
                break;
            case GbnfRepetition repetition:
                var count = hurry ? repetition.Min : PickCount(repetition, depth);
                for (var i = 0; i < count; i++)
                {
                    Emit(repetition.Item, depth);
                }
                break;
            default:
                throw new InvalidOperationException($"unknown grammar node {expression.GetType().Name}");
        }
    }

    private GbnfExpression PickAlternative(GbnfAlternation alternation, int depth, bool hurry)
    {
        if (hurry)
        {
            return alternation.Alternatives.MinBy(ExitDepth)!;
        }
        var open = alternation.Alternatives.Where(alt => depth + (long)ExitDepth(alt) < _maxDepth).ToList();
        return open[_random.Next(open.Count)];
    }

    private int PickCount(GbnfRepetition repetition, int depth)
    {
        // Unbounded repetitions thin out with depth, or nested lists would grow exponentially.
        var max = repetition.Max ?? repetition.Min + (depth * 2 < _maxDepth ? UnboundedExtra : UnboundedExtraDeep);
        return _random.Next(4) switch
        {
            0 => repetition.Min,
            1 => max,
            _ => _random.Next(repetition.Min, max + 1),
        };
    }

    private int PickChar(GbnfCharClass charClass)
    {
        if (!charClass.Negated)
        {
            for (var attempt = 0; attempt < 16; attempt++)
            {
                var range = charClass.Ranges[_random.Next(charClass.Ranges.Count)];
                var codePoint = _random.Next(range.First, range.Last + 1);
                if (!IsSurrogate(codePoint))
                {
                    return codePoint;
                }
            }
        }
        var allowed = _candidates.Where(charClass.Matches).ToArray();
        if (allowed.Length == 0)
        {
            throw new InvalidOperationException("no sample character satisfies a character class of the grammar");
        }
        return allowed[_random.Next(allowed.Length)];
    }

    private void Append(int codePoint)
    {
        if (IsSurrogate(codePoint))
        {
            _output.Append((char)codePoint);
        }
        else
        {
            _output.Append(char.ConvertFromUtf32(codePoint));
        }
    }

    private static bool IsSurrogate(int codePoint) => codePoint is >= 0xD800 and <= 0xDFFF;

    private int ExitDepth(GbnfExpression expression) => ExitDepth(expression, _exitDepth);

    /// <summary>Least nesting needed to finish each rule; rules that never finish are absent.</summary>
    private static Dictionary<string, int> ExitDepths(GbnfGrammar grammar)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var rule in grammar.Rules.Values)
            {
                var depth = ExitDepth(rule.Body, depths);
                if (depth < int.MaxValue && (!depths.TryGetValue(rule.Name, out var known) || depth < known))
                {
                    depths[rule.Name] = depth;
                    changed = true;
                }
            }
        }
        while (changed);
        return depths;
    }

    private static int ExitDepth(GbnfExpression expression, Dictionary<string, int> depths) => expression switch
    {
        GbnfLiteral or GbnfCharClass or GbnfAnyChar => 0,
        GbnfRuleReference reference => depths.TryGetValue(reference.Name, out var depth) ? depth + 1 : int.MaxValue,
        GbnfSequence sequence => sequence.Items.Select(item => ExitDepth(item, depths)).DefaultIfEmpty(0).Max(),
        GbnfAlternation alternation => alternation.Alternatives.Min(alt => ExitDepth(alt, depths)),
        GbnfRepetition repetition => repetition.Min == 0 ? 0 : ExitDepth(repetition.Item, depths),
        _ => throw new InvalidOperationException($"unknown grammar node {expression.GetType().Name}"),
    };
}
