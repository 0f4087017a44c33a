using TaleForge.Tui.Story;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TaleForge.Tui.Screen;

/// <summary>
/// The story pane: the whole scrollback wrapped to the pane's width in display columns and coloured by tone. It
/// follows new text while the reader is at the bottom; scrolled up, it stays put and marks that more has come.
/// PgUp/PgDn/Home/End scroll it; a search moves to the next paragraph that holds the words.
/// </summary>
public sealed class StoryPane : View
{
    private readonly StoryLog _log;
    private readonly StoryPalette _palette = new();
    private List<(string Text, StoryLine Line, int Paragraph)> _rows = [];
    private int _wrappedVersion = -1;
    private int _wrappedWidth = -1;
    private int _drawnCount;

    public StoryPane(StoryLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        CanFocus = true;
        AddCommand(Command.PageUp, () => Scroll(-Page));
        AddCommand(Command.PageDown, () => Scroll(Page));
        AddCommand(Command.Start, () => ScrollTo(0));
        AddCommand(Command.End, () => ScrollToEnd());
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
        KeyBindings.Add(Key.Home, Command.Start);
        KeyBindings.Add(Key.End, Command.End);
    }

    /// <summary>The first row shown; rows are the wrapped lines of the whole scrollback.</summary>
    public int Top { get; private set; }

    /// <summary>Whether the pane shows the newest text and so moves on as more arrives.</summary>
    public bool Following { get; private set; } = true;

    /// <summary>New text came while the reader was scrolled up.</summary>
    public bool HasUnread { get; private set; }

    /// <summary>The paragraph the last search found, highlighted; -1 for none.</summary>
    public int Found { get; private set; } = -1;

    private int Page => Math.Max(1, Viewport.Height - 1);

    /// <summary>The scrollback moved on: wrap what is new, and follow it if the reader is at the bottom.</summary>
    public void Refresh()
    {
        Rewrap();
        if (Following)
        {
            Top = MaxTop;
            HasUnread = false;
        }
        else if (_log.Count > _drawnCount)
        {
            HasUnread = true;
        }
        _drawnCount = _log.Count;
        SetNeedsDraw();
    }

    public bool? Scroll(int rows) => ScrollTo(Top + rows);

    public bool? ScrollToEnd() => ScrollTo(MaxTop);

    public bool? ScrollTo(int top)
    {
        Rewrap();
        Top = Math.Clamp(top, 0, MaxTop);
        Following = Top >= MaxTop;
        if (Following)
        {
            HasUnread = false;
        }
        SetNeedsDraw();
        return true;
    }

    /// <summary>Finds the next paragraph after the one found last (or from the top) that holds <paramref name="words"/>; false when none does.</summary>
    public bool Search(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length == 0)
        {
            return false;
        }
        var lines = _log.Snapshot();
        for (var i = 1; i <= lines.Count; i++)
        {
            var paragraph = (Found + i) % lines.Count;
            if (lines[paragraph].Text.Contains(words, StringComparison.OrdinalIgnoreCase))
            {
                Found = paragraph;
                Rewrap();
                var row = _rows.FindIndex(r => r.Paragraph == paragraph);
                ScrollTo(Math.Max(0, row - 1));
                return true;
            }
        }
        return false;
    }

    /// <summary>The rows the pane shows now, as text: what a copy key copies.</summary>
    public string VisibleText() =>
        string.Join('\n', _rows.Skip(Top).Take(Math.Max(1, Viewport.Height)).Select(r => r.Text));

    private int MaxTop => Math.Max(0, _rows.Count - Math.Max(1, Viewport.Height));

    private void Rewrap()
    {
        var width = Math.Max(10, Viewport.Width - 1);
        if (_wrappedVersion == _log.Version && _wrappedWidth == width)
        {
            return;
        }
        // A new width reflows everything; keep the paragraph at the top in view.
        var topParagraph = Top < _rows.Count ? _rows[Top].Paragraph : 0;
        var rows = new List<(string, StoryLine, int)>();
        var lines = _log.Showing();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Tone == StoryTone.Heading && i > 0)
            {
                rows.Add(("", lines[i], i));
            }
            rows.AddRange(DisplayWrap.Wrap(lines[i].Text, width).Select(r => (r, lines[i], i)));
        }
        var reflowed = _wrappedWidth != width;
        _rows = rows;
        _wrappedVersion = _log.Version;
        _wrappedWidth = width;
        if (reflowed && !Following)
        {
            Top = Math.Clamp(_rows.FindIndex(r => r.Paragraph == topParagraph), 0, MaxTop);
        }
        else if (Following)
        {
            Top = MaxTop;
        }
    }

    /// <summary>
    /// The wheel scrolls, three rows a notch; clicks are left alone. Terminals let Shift-drag select text past a
    /// program that reads the mouse, so copying stays the terminal's own (F9 and F8 copy without the mouse).
    /// </summary>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp) || mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            Scroll(mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? -WheelRows : WheelRows);
            return true;
        }
        return base.OnMouseEvent(mouse);
    }

    private const int WheelRows = 3;

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        Rewrap();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Rewrap();
        var background = GetAttributeForRole(VisualRole.Normal).Background;
        var height = Viewport.Height;
        for (var y = 0; y < height; y++)
        {
            Move(0, y);
            var index = Top + y;
            if (index >= _rows.Count)
            {
                SetAttribute(new Attribute(Color.Gray, background));
                AddStr(new string(' ', Viewport.Width));
                continue;
            }
            var (text, line, paragraph) = _rows[index];
            var attribute = _palette.For(line, background);
            if (paragraph == Found)
            {
                attribute = new Attribute(attribute.Foreground, background, TextStyle.Reverse);
            }
            SetAttribute(attribute);
            AddStr(text);
            SetAttribute(new Attribute(Color.Gray, background));
            AddStr(new string(' ', Math.Max(0, Viewport.Width - DisplayWrap.Columns(text))));
        }
        if (HasUnread && height > 0)
        {
            const string marker = " ▼ new text: End ";
            Move(Math.Max(0, Viewport.Width - marker.Length), height - 1);
            SetAttribute(new Attribute(Color.Black, Color.BrightYellow));
            AddStr(marker);
        }
        return true;
    }
}
