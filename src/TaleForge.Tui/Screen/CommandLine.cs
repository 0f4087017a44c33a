using Terminal.Gui.Views;

namespace TaleForge.Tui.Screen;

/// <summary>
/// The input line: what the player types, the commands typed before (Up/Down), and Tab completion over the
/// commands the controller says are admissible now. Tab fills in what all candidates share; Tab again cycles.
/// </summary>
public sealed class CommandLine : TextField
{
    private readonly List<string> _history = [];
    private int _recalled;
    private IReadOnlyList<string> _cycle = [];
    private int _cycled = -1;

    public IReadOnlyList<string> History => _history;

    /// <summary>Takes the typed line for play, keeps it in the history, and empties the field.</summary>
    public string Take()
    {
        var line = Text ?? "";
        if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
        {
            _history.Add(line);
        }
        _recalled = _history.Count;
        _cycle = [];
        Text = "";
        return line;
    }

    public void Recall(int step)
    {
        if (_history.Count == 0)
        {
            return;
        }
        _recalled = Math.Clamp(_recalled + step, 0, _history.Count);
        SetLine(_recalled < _history.Count ? _history[_recalled] : "");
    }

    /// <summary>Completes from <paramref name="candidates"/>; returns those still possible, for the hint line.</summary>
    public IReadOnlyList<string> Complete(Func<string, IReadOnlyList<string>> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (_cycle.Count > 1 && _cycle.Contains(Text ?? ""))
        {
            _cycled = (_cycled + 1) % _cycle.Count;
            SetLine(_cycle[_cycled]);
            return _cycle;
        }
        var found = candidates(Text ?? "");
        if (found.Count == 0)
        {
            return found;
        }
        var shared = SharedStart(found);
        if (found.Count == 1)
        {
            SetLine(found[0]);
        }
        else if (shared.Length > (Text ?? "").Length)
        {
            SetLine(shared);
        }
        else
        {
            _cycle = found;
            _cycled = 0;
            SetLine(found[0]);
        }
        return found;
    }

    private void SetLine(string line)
    {
        Text = line;
        InsertionPoint = line.Length;
    }

    private static string SharedStart(IReadOnlyList<string> words)
    {
        var shared = words[0];
        foreach (var word in words.Skip(1))
        {
            var n = 0;
            while (n < shared.Length && n < word.Length && char.ToLowerInvariant(shared[n]) == char.ToLowerInvariant(word[n]))
            {
                n++;
            }
            shared = shared[..n];
        }
        return shared;
    }
}
