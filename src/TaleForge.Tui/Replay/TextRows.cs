using TaleForge.Tui.Story;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TaleForge.Tui.Replay;

/// <summary>
/// A pane of paragraphs wrapped to its width in display columns, scrolled by rows; one paragraph may be marked
/// (the selected record), and the pane keeps it in view.
/// </summary>
public sealed class TextRows : View
{
    private IReadOnlyList<string> _paragraphs = [];
    private List<(string Text, int Paragraph)> _rows = [];
    private int _wrappedWidth = -1;

    /// <summary>The first row shown.</summary>
    public int Top { get; private set; }

    /// <summary>The marked paragraph; -1 for none.</summary>
    public int Marked { get; private set; } = -1;

    public void Show(IReadOnlyList<string> paragraphs, int marked = -1)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        _paragraphs = paragraphs;
        Marked = marked;
        _wrappedWidth = -1;
        Rewrap();
        if (marked < 0)
        {
            Top = 0;
        }
        SetNeedsDraw();
    }

    public void Scroll(int rows)
    {
        Rewrap();
        Top = Math.Clamp(Top + rows, 0, Math.Max(0, _rows.Count - Math.Max(1, Viewport.Height)));
        SetNeedsDraw();
    }

    /// <summary>The rows shown now, as text.</summary>
    public string VisibleText() => string.Join('\n', _rows.Skip(Top).Take(Math.Max(1, Viewport.Height)).Select(r => r.Text));

    private void Rewrap()
    {
        var width = Math.Max(10, Viewport.Width);
        if (_wrappedWidth == width)
        {
            return;
        }
        _wrappedWidth = width;
        _rows = [.. _paragraphs.SelectMany((p, i) => p.Length == 0 ? [("", i)] : DisplayWrap.Wrap(p, width).Select(r => (r, i)))];
        if (Marked >= 0)
        {
            // Keep the marked paragraph in view, a little below the top when there is room.
            var first = _rows.FindIndex(r => r.Paragraph == Marked);
            var height = Math.Max(1, Viewport.Height);
            if (first < Top || first >= Top + height)
            {
                Top = Math.Max(0, first - height / 3);
            }
        }
        Top = Math.Clamp(Top, 0, Math.Max(0, _rows.Count - 1));
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        _wrappedWidth = -1;
        Rewrap();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        Rewrap();
        var normal = GetAttributeForRole(VisualRole.Normal);
        for (var y = 0; y < Viewport.Height; y++)
        {
            Move(0, y);
            var index = Top + y;
            var (text, paragraph) = index < _rows.Count ? _rows[index] : ("", -1);
            SetAttribute(paragraph == Marked && Marked >= 0 ? new Attribute(normal.Foreground, normal.Background, TextStyle.Reverse) : normal);
            AddStr(text);
            AddStr(new string(' ', Math.Max(0, Viewport.Width - DisplayWrap.Columns(text))));
        }
        return true;
    }
}
