namespace TaleForge.Tui.Story;

/// <summary>
/// The whole session's scrollback, shared by the thread that plays the story and the thread that draws it: lines
/// are appended under a lock and read as a snapshot, and a version number says when there is something new to draw.
/// </summary>
public sealed class StoryLog
{
    private readonly object _gate = new();
    private readonly List<StoryLine> _lines = [];
    private StoryLine? _provisional;

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

    /// <summary>
    /// The line being generated now, shown after the story until the event it becomes is applied; null when
    /// nothing streams. It is not part of the story: searches and transcripts leave it out.
    /// </summary>
    public StoryLine? Provisional
    {
        get
        {
            lock (_gate)
            {
                return _provisional;
            }
        }
    }

    /// <summary>Shows <paramref name="line"/> as the line being generated (null: none is).</summary>
    public void Provide(StoryLine? line)
    {
        lock (_gate)
        {
            if (ReferenceEquals(line, _provisional))
            {
                return;
            }
            _provisional = line;
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

    /// <summary>What the pane shows: the story, then the line being generated, if one is.</summary>
    public IReadOnlyList<StoryLine> Showing()
    {
        lock (_gate)
        {
            return _provisional is { } growing ? [.. _lines, growing] : [.. _lines];
        }
    }

    /// <summary>The scrollback as plain text, a paragraph a line: what the transcript file holds.</summary>
    public string Transcript() => string.Join('\n', Snapshot().Select(l => l.Text)) + "\n";
}
