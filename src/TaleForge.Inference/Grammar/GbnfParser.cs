using System.Globalization;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// Reads GBNF text with the same rules as llama.cpp's grammar parser, so that a grammar accepted here is accepted
/// there: a rule ends at a line break unless inside parentheses or right after <c>::=</c> or <c>|</c>; names are
/// letters, digits and dashes; repetition counts are at most <see cref="MaxRepetitions"/>.
/// </summary>
internal sealed class GbnfParser
{
    /// <summary>
    /// The largest <c>{m,n}</c> count: llama.cpp expands a repetition into one rule per count, and newer llama.cpp
    /// releases refuse larger ones, so grammars stay portable and compact.
    /// </summary>
    public const int MaxRepetitions = 2000;

    private readonly string _text;
    private int _pos;

    private GbnfParser(string text) => _text = text;

    public static IReadOnlyList<GbnfRule> ParseRules(string text)
    {
        var parser = new GbnfParser(text);
        return parser.ParseGrammar();
    }

    private List<GbnfRule> ParseGrammar()
    {
        var rules = new List<GbnfRule>();
        SkipSpace(newlineOk: true);
        while (!AtEnd)
        {
            rules.Add(ParseRule());
        }
        return rules;
    }

    private GbnfRule ParseRule()
    {
        var start = _pos;
        var name = ParseName();
        SkipSpace(newlineOk: false);
        if (!Lookahead("::="))
        {
            throw Error($"expected '::=' after rule name '{name}'");
        }
        _pos += 3;
        SkipSpace(newlineOk: true);
        var body = ParseAlternates(nested: false);
        if (Current == '\r')
        {
            _pos += Peek(1) == '\n' ? 2 : 1;
        }
        else if (Current == '\n')
        {
            _pos++;
        }
        else if (!AtEnd)
        {
            throw Error($"expected the end of the line after rule '{name}', found '{Current}'");
        }
        SkipSpace(newlineOk: true);
        var (line, column) = Position(start);
        return new GbnfRule(name, body, line, column);
    }

    private GbnfExpression ParseAlternates(bool nested)
    {
        var alternatives = new List<GbnfExpression> { ParseSequence(nested) };
        while (Current == '|')
        {
            _pos++;
            SkipSpace(newlineOk: true);
            alternatives.Add(ParseSequence(nested));
        }
        return alternatives.Count == 1 ? alternatives[0] : new GbnfAlternation(alternatives);
    }

    private GbnfExpression ParseSequence(bool nested)
    {
        var items = new List<GbnfExpression>();
        while (!AtEnd)
        {
            var c = Current;
            if (c == '"')
            {
                items.Add(ParseLiteral());
            }
            else if (c == '[')
            {
                items.Add(ParseCharClass());
            }
            else if (IsWordChar(c))
            {
                var (line, column) = Position(_pos);
                items.Add(new GbnfRuleReference(ParseName(), line, column));
            }
            else if (c == '(')
            {
                _pos++;
                SkipSpace(newlineOk: true);
                var group = ParseAlternates(nested: true);
                if (Current != ')')
                {
                    throw Error(AtEnd ? "unexpected end of grammar: a '(' is never closed" : $"expected ')', found '{Current}'");
                }
                _pos++;
                items.Add(group);
            }
            else if (c == '.')
            {
                _pos++;
                items.Add(new GbnfAnyChar());
            }
            else if (c is '*' or '+' or '?' or '{')
            {
                ApplyRepetition(items, nested);
                continue;
            }
            else
            {
                break;
            }
            SkipSpace(nested);
        }
        return items.Count == 1 ? items[0] : new GbnfSequence(items);
    }

    private void ApplyRepetition(List<GbnfExpression> items, bool nested)
    {
        var operatorStart = _pos;
        if (items.Count == 0)
        {
            throw Error($"'{Current}' must follow an item to repeat");
        }
        int min;
        int? max;
        var c = Current;
        _pos++;
        SkipSpace(nested);
        switch (c)
        {
            case '*':
                (min, max) = (0, null);
                break;
            case '+':
                (min, max) = (1, null);
                break;
            case '?':
                (min, max) = (0, 1);
                break;
            default:
                min = ParseCount();
                SkipSpace(nested);
                if (Current == '}')
                {
                    max = min;
                }
                else if (Current == ',')
                {
                    _pos++;
                    SkipSpace(nested);
                    max = char.IsAsciiDigit(Current) ? ParseCount() : null;
                    SkipSpace(nested);
                    if (Current != '}')
                    {
                        throw Error("expected '}' to close the repetition count");
                    }
                }
                else
                {
                    throw Error("expected ',' or '}' in the repetition count");
                }
                _pos++;
                SkipSpace(nested);
                if (max is { } upper && upper < min)
                {
                    throw Error($"repetition {{{min},{upper}}} has its maximum below its minimum", operatorStart);
                }
                if (Math.Max(min, max ?? 0) > MaxRepetitions)
                {
                    throw Error($"repetition count above {MaxRepetitions}; llama.cpp expands each count into its own rule, so keep counts at most {MaxRepetitions}", operatorStart);
                }
                break;
        }
        items[^1] = new GbnfRepetition(items[^1], min, max);
    }

    private int ParseCount()
    {
        var start = _pos;
        while (char.IsAsciiDigit(Current))
        {
            _pos++;
        }
        if (start == _pos)
        {
            throw Error("expected a number in the repetition count");
        }
        if (!int.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw Error($"repetition count above {MaxRepetitions}; llama.cpp expands each count into its own rule, so keep counts at most {MaxRepetitions}", start);
        }
        return count;
    }

    private GbnfLiteral ParseLiteral()
    {
        var start = _pos;
        _pos++;
        var codePoints = new List<int>();
        while (Current != '"')
        {
            if (AtEnd)
            {
                throw Error("unexpected end of grammar inside a quoted literal", start);
            }
            codePoints.Add(ParseChar());
        }
        _pos++;
        return new GbnfLiteral(codePoints);
    }

    private GbnfCharClass ParseCharClass()
    {
        var start = _pos;
        _pos++;
        var negated = false;
        if (Current == '^')
        {
            negated = true;
            _pos++;
        }
        var ranges = new List<GbnfCharRange>();
        while (Current != ']')
        {
            if (AtEnd)
            {
                throw Error("unexpected end of grammar inside a character class: a '[' is never closed", start);
            }
            var first = ParseChar();
            var last = first;
            if (Current == '-' && Peek(1) != ']')
            {
                if (_pos + 1 >= _text.Length)
                {
                    throw Error("unexpected end of grammar inside a character class", start);
                }
                var dash = _pos;
                _pos++;
                last = ParseChar();
                if (last < first)
                {
                    throw Error("character range runs backwards", dash);
                }
            }
            ranges.Add(new GbnfCharRange(first, last));
        }
        _pos++;
        return new GbnfCharClass(ranges, negated);
    }

    private int ParseChar()
    {
        var start = _pos;
        if (Current != '\\')
        {
            if (char.IsHighSurrogate(Current) && char.IsLowSurrogate(Peek(1)))
            {
                _pos += 2;
                return char.ConvertToUtf32(_text[_pos - 2], _text[_pos - 1]);
            }
            return _text[_pos++];
        }
        var escape = Peek(1);
        _pos += 2;
        switch (escape)
        {
            case 'x':
                return ParseHex(2, start);
            case 'u':
                return ParseHex(4, start);
            case 'U':
                return ParseHex(8, start);
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'n':
                return '\n';
            case '\\' or '"' or '[' or ']':
                return escape;
            default:
                throw Error($"unknown escape '\\{escape}' (known: \\x \\u \\U \\t \\r \\n \\\\ \\\" \\[ \\])", start);
        }
    }

    private int ParseHex(int digits, int escapeStart)
    {
        if (_pos + digits > _text.Length
            || !int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            || _text.AsSpan(_pos, digits).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Error($"escape needs {digits} hex digits", escapeStart);
        }
        if (value is < 0 or > 0x10FFFF)
        {
            throw Error("escape names a code point above U+10FFFF", escapeStart);
        }
        _pos += digits;
        return value;
    }

    private string ParseName()
    {
        var start = _pos;
        while (IsWordChar(Current))
        {
            _pos++;
        }
        if (start == _pos)
        {
            throw Error(AtEnd ? "expected a rule name, found the end of the grammar" : $"expected a rule name, found '{Current}'");
        }
        return _text[start.._pos];
    }

    private void SkipSpace(bool newlineOk)
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c == '#')
            {
                while (!AtEnd && Current is not ('\r' or '\n'))
                {
                    _pos++;
                }
            }
            else if (c is ' ' or '\t' || (newlineOk && c is '\r' or '\n'))
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool Lookahead(string expected) => string.CompareOrdinal(_text, _pos, expected, 0, expected.Length) == 0;

    private GbnfException Error(string problem, int? at = null)
    {
        var (line, column) = Position(at ?? _pos);
        return new GbnfException(problem, line, column);
    }

    private (int Line, int Column) Position(int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, index - lineStart + 1);
    }
}
