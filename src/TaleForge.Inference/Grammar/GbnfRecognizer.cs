using System.Text;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// Decides membership by computing, for each rule and start position, every position where a match can end
/// (memoized, so ambiguous grammars stay polynomial). Repetitions are iterated, not recursed, so long strings
/// do not deepen the stack; only nesting of rules does, and that is bounded.
/// </summary>
internal sealed class GbnfRecognizer
{
    /// <summary>Nesting of rules past this is reported instead of risking the stack.</summary>
    private const int MaxNesting = 1000;

    private static readonly int[] _none = [];

    private readonly GbnfGrammar _grammar;
    private readonly int[] _input;
    private readonly Dictionary<(string Rule, int Position), int[]> _memo = [];
    private int _nesting;

    private GbnfRecognizer(GbnfGrammar grammar, int[] input)
    {
        _grammar = grammar;
        _input = input;
    }

    public static bool Accepts(GbnfGrammar grammar, string text)
    {
        var input = CodePoints(text);
        var recognizer = new GbnfRecognizer(grammar, input);
        return recognizer.MatchRule(grammar.Root, 0).Contains(input.Length);
    }

    private static int[] CodePoints(string text)
    {
        var codePoints = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            // A lone surrogate stays as its own value: no grammar class we write admits it.
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                codePoints.Add(rune.Value);
                i += rune.Utf16SequenceLength - 1;
            }
            else
            {
                codePoints.Add(text[i]);
            }
        }
        return [.. codePoints];
    }

    private int[] MatchRule(string name, int position)
    {
        if (_memo.TryGetValue((name, position), out var cached))
        {
            return cached;
        }
        if (++_nesting > MaxNesting)
        {
            throw new InvalidOperationException($"the text nests rules deeper than {MaxNesting} levels; the recognizer stops there");
        }
        var ends = Match(_grammar.Rules[name].Body, position).ToArray();
        _nesting--;
        _memo[(name, position)] = ends;
        return ends;
    }

    private IEnumerable<int> Match(GbnfExpression expression, int position)
    {
        switch (expression)
        {
            case GbnfLiteral literal:
                return MatchesLiteral(literal, position) ? [position + literal.CodePoints.Count] : _none;
            case GbnfCharClass charClass:
                return position < _input.Length && charClass.Matches(_input[position]) ? [position + 1] : _none;
            case GbnfAnyChar:
                return position < _input.Length ? [position + 1] : _none;
            case GbnfRuleReference reference:
                return MatchRule(reference.Name, position);
            case GbnfSequence sequence:
                IEnumerable<int> current = [position];
                foreach (var item in sequence.Items)
                {
                    var next = new HashSet<int>();
                    foreach (var start in current)
                    {
                        next.UnionWith(Match(item, start));
                    }
                    if (next.Count == 0)
                    {
                        return _none;
                    }
                    current = next;
                }
                return current;
            case GbnfAlternation alternation:
                var ends = new HashSet<int>();
                foreach (var alternative in alternation.Alternatives)
                {
                    ends.UnionWith(Match(alternative, position));
                }
                return ends;
            case GbnfRepetition repetition:
                return MatchRepetition(repetition, position);
            default:
                throw new InvalidOperationException($"unknown grammar node {expression.GetType().Name}");
        }
    }

    private HashSet<int> MatchRepetition(GbnfRepetition repetition, int position)
    {
        var results = new HashSet<int>();
        if (repetition.Min == 0)
        {
            results.Add(position);
        }
        var frontier = new HashSet<int> { position };
        for (var count = 1; repetition.Max is null || count <= repetition.Max; count++)
        {
            var next = new HashSet<int>();
            foreach (var start in frontier)
            {
                next.UnionWith(Match(repetition.Item, start));
            }
            if (count >= repetition.Min)
            {
                // A position already reached with at least Min items was expanded then, with more budget left.
                next.ExceptWith(results);
                results.UnionWith(next);
            }
            if (next.Count == 0)
            {
                break;
            }
            frontier = next;
        }
        return results;
    }

    private bool MatchesLiteral(GbnfLiteral literal, int position)
    {
        var codePoints = literal.CodePoints;
        if (position + codePoints.Count > _input.Length)
        {
            return false;
        }
        for (var i = 0; i < codePoints.Count; i++)
        {
            if (_input[position + i] != codePoints[i])
            {
                return false;
            }
        }
        return true;
    }
}
