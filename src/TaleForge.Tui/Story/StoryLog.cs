namespace TaleForge.Tui.Story;

/// <summary>
/// The whole session's scrollback, shared by the thread that plays the story and the thread that draws it: lines
/// are appended under a lock and read as a snapshot, and a version number says when there is something new to draw.
/// </summary>
public sealed class StoryLog
{
    private readonly object _gate = new();
    private readonly List<StoryLine> _lines = [];

    /// <summary>Grows by one with every change; the screen redraws when it differs from what it drew.</summary>
    public int Version { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }
    }

    public void Append(StoryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _lines.Add(line);
            Version++;
        }
    }

    /// <summary>Replaces the text of the last line (a reply growing as it is generated), or appends it.</summary>
    public void ReplaceLast(StoryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            if (_lines.Count > 0)
            {
                _lines[^1] = line;
            }
            else
            {
                _lines.Add(line);
            }
            Version++;
        }
    }

    public IReadOnlyList<StoryLine> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    /// <summary>The scrollback as plain text, a paragraph a line: what the transcript file holds.</summary>
    public string Transcript() => string.Join('\n', Snapshot().Select(l => l.Text)) + "\n";
}
