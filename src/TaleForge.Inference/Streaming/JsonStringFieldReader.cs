using System.Globalization;
using System.Text;

namespace TaleForge.Inference.Streaming;

/// <summary>
/// Reads JSON as it is generated, a piece at a time, and gives back the decoded text of the string values of
/// chosen properties (a reply's <c>line</c>, its <c>narration</c>) as soon as each character arrives, so a
/// player reads what a character says while the rest of the reply is still being written. Escapes split across
/// pieces (<c>\u00e9</c> in two halves) and surrogate pairs are held until complete. Strings inside an array take
/// the name of the property holding the array. Not a validator: the finished reply is still parsed and checked.
/// </summary>
public sealed class JsonStringFieldReader
{
    private readonly HashSet<string> _fields;
    private readonly Stack<Frame> _frames = new();
    private readonly StringBuilder _key = new();
    private readonly StringBuilder _escape = new();
    private Mode _mode = Mode.Between;
    private string? _lastKey;
    private char? _highSurrogate;

    public JsonStringFieldReader(IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new HashSet<string>(fields, StringComparer.Ordinal);
    }

    private enum Mode { Between, Key, Value, SkippedString }

    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;
        public bool ExpectKey { get; set; } = isObject;
        public string? Key { get; set; }
    }

    /// <summary>The text of the chosen fields in <paramref name="piece"/>, by field, in the order it arrived.</summary>
    public IReadOnlyList<FieldText> Read(string piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var found = new List<FieldText>();
        var text = new StringBuilder();
        // A value begun in an earlier piece goes on in this one.
        var field = _mode == Mode.Value ? _lastKey : null;
        void Flush()
        {
            if (text.Length > 0 && field is not null)
            {
                found.Add(new FieldText(field, text.ToString()));
            }
            text.Clear();
        }
        foreach (var c in piece)
        {
            switch (_mode)
            {
                case Mode.Between:
                    Structural(c);
                    if (_mode == Mode.Value)
                    {
                        Flush();
                        field = _lastKey;
                    }
                    break;
                case Mode.Key:
                    if (StringChar(c, _key))
                    {
                        _frames.Peek().Key = _key.ToString();
                        _key.Clear();
                        _mode = Mode.Between;
                    }
                    break;
                case Mode.Value or Mode.SkippedString:
                    var target = _mode == Mode.Value ? text : null;
                    if (StringChar(c, target))
                    {
                        Flush();
                        _mode = Mode.Between;
                    }
                    break;
            }
        }
        Flush();
        return found;
    }

    private void Structural(char c)
    {
        var frame = _frames.Count > 0 ? _frames.Peek() : null;
        switch (c)
        {
            case '{':
                _frames.Push(new Frame(isObject: true));
                break;
            case '[':
                _frames.Push(new Frame(isObject: false) { Key = frame?.Key });
                break;
            case '}' or ']':
                if (_frames.Count > 0)
                {
                    _frames.Pop();
                }
                break;
            case ',' when frame is { IsObject: true }:
                frame.ExpectKey = true;
                break;
            case ':' when frame is { IsObject: true }:
                frame.ExpectKey = false;
                break;
            case '"' when frame is { IsObject: true, ExpectKey: true }:
                _mode = Mode.Key;
                break;
            case '"':
                _lastKey = frame?.Key;
                _mode = _lastKey is not null && _fields.Contains(_lastKey) ? Mode.Value : Mode.SkippedString;
                break;
        }
    }

    /// <summary>Takes one character inside a string; true when it closed the string.</summary>
    private bool StringChar(char c, StringBuilder? output)
    {
        if (_escape.Length > 0)
        {
            _escape.Append(c);
            if (_escape.Length == 2 && _escape[1] != 'u')
            {
                Emit(_escape[1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', var other => other }, output);
                _escape.Clear();
            }
            else if (_escape.Length == 6)
            {
                Emit(int.TryParse(_escape.ToString(2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) ? (char)code : '\uFFFD', output);
                _escape.Clear();
            }
            return false;
        }
        switch (c)
        {
            case '\\':
                _escape.Append(c);
                return false;
            case '"':
                _highSurrogate = null;
                return true;
            default:
                Emit(c, output);
                return false;
        }
    }

    private void Emit(char c, StringBuilder? output)
    {
        if (output is null)
        {
            return;
        }
        if (char.IsHighSurrogate(c))
        {
            _highSurrogate = c;
            return;
        }
        if (_highSurrogate is { } high)
        {
            _highSurrogate = null;
            if (char.IsLowSurrogate(c))
            {
                output.Append(high);
            }
        }
        output.Append(c);
    }
}

/// <summary>Text of one chosen field, decoded, as it arrived.</summary>
public sealed record FieldText(string Field, string Text);
