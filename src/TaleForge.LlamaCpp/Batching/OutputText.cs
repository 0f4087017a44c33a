using System.Text;

namespace TaleForge.LlamaCpp.Batching;

/// <summary>
/// Turns a sequence's token bytes into text as it streams: holds back an incomplete UTF-8 character until its
/// last byte arrives, and holds back any tail that could be the start of a stop string until it is decided.
/// </summary>
internal sealed class OutputText(IReadOnlyList<string> stopSequences)
{
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _emitted = new();
    private readonly IReadOnlyList<string> _stops = stopSequences.Where(s => s.Length > 0).ToArray();

    public string Text => _emitted.ToString();

    /// <summary>Adds a token's bytes; returns the text now safe to show and whether a stop string was reached.</summary>
    public (string Text, bool Stopped) Append(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
        _decoder.GetChars(bytes, chars, flush: false);
        _pending.Append(chars);
        var pending = _pending.ToString();
        var stopAt = -1;
        foreach (var stop in _stops)
        {
            var index = pending.IndexOf(stop, StringComparison.Ordinal);
            if (index >= 0 && (stopAt < 0 || index < stopAt))
            {
                stopAt = index;
            }
        }
        if (stopAt >= 0)
        {
            return (Emit(pending[..stopAt], pending.Length), true);
        }
        var hold = 0;
        foreach (var stop in _stops)
        {
            for (var length = Math.Min(stop.Length - 1, pending.Length); length > hold; length--)
            {
                if (pending.AsSpan(pending.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    hold = length;
                    break;
                }
            }
        }
        return (Emit(pending[..^hold], pending.Length - hold), false);
    }

    /// <summary>
    /// At the end of generation: whatever was held back (a stop-string prefix that never completed). A character
    /// cut off by the token limit is dropped rather than shown as U+FFFD.
    /// </summary>
    public string Flush()
    {
        _decoder.Reset();
        return Emit(_pending.ToString(), _pending.Length);
    }

    private string Emit(string text, int consumed)
    {
        _pending.Remove(0, consumed);
        _emitted.Append(text);
        return text;
    }
}
