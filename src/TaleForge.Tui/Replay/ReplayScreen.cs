using System.Globalization;
using TaleForge.Engine.Trajectories;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TaleForge.Tui.Replay;

/// <summary>
/// <c>taleforge replay TRAJECTORY --tui</c>: the records of one branch above, the selected one in full below (a
/// prompt inspector for model calls). ← → (or ↑ ↓) step back and forth, Tab and Shift+Tab jump between model calls,
/// c and p cycle the character and phase filters, PgUp/PgDn scroll the detail, q or Esc leaves.
/// </summary>
public sealed class ReplayScreen : Window
{
    private readonly IApplication _app;
    // Drawn as plain text: a Label would take the underscores of phase names for hot-key marks.
    private readonly TextRows _heading;
    private readonly FrameView _listFrame;
    private readonly FrameView _detailFrame;
    private TrajectoryRecord? _shown;

    public ReplayScreen(IApplication app, ReplayBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(browser);
        _app = app;
        Browser = browser;
        Title = $"{browser.File.Header.World.Title} — {Path.GetFileName(browser.File.Path)}";
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Single;
        _heading = new TextRows { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        List = new TextRows { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        Detail = new TextRows { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _listFrame = new FrameView { Title = "Records", X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Percent(35) };
        _listFrame.Add(List);
        _detailFrame = new FrameView { Title = "Inspector", X = 0, Y = Pos.Bottom(_listFrame), Width = Dim.Fill(), Height = Dim.Fill(1) };
        _detailFrame.Add(Detail);
        var keys = new StatusBar(
        [
            new Shortcut(Key.Empty, "← → step", null),
            new Shortcut(Key.Empty, "Tab next call", null),
            new Shortcut(Key.Empty, "c character", null),
            new Shortcut(Key.Empty, "p phase", null),
            new Shortcut(Key.Empty, "PgDn detail", null),
            new Shortcut(Key.Empty, "q quit", null),
        ]);
        Add(_heading, _listFrame, _detailFrame, keys);
        _app.Keyboard.KeyDown += OnKey;
        Show();
    }

    public ReplayBrowser Browser { get; }

    public TextRows List { get; }

    public TextRows Detail { get; }

    /// <summary>Shows the browser's records, filters and selection.</summary>
    public void Show()
    {
        var file = Browser.File;
        var position = Browser.Records.IsEmpty ? "0/0" : $"{Browser.Index + 1}/{Browser.Records.Length}";
        var branch = Browser.BranchStep is { } step ? $"branch to step {step}" : "main branch";
        _heading.Show([$"seed {file.Header.Seed.ToString(CultureInfo.InvariantCulture)} · {branch} · "
            + $"character: {Browser.Character ?? "all"} · phase: {(Browser.Phase is { } phase ? TrajectoryLines.PhaseName(phase) : "all")} · {position}"]);
        List.Show([.. Browser.Records.Select((r, i) => (i == Browser.Index ? "▶" : " ") + RecordText.Summary(r))], Browser.Index);
        // The detail starts at its top for each new record, and keeps its scroll while the record stays.
        if (!ReferenceEquals(_shown, Browser.Current) || _shown is null)
        {
            _shown = Browser.Current;
            Detail.Show(Browser.Current is { } record ? RecordText.Detail(record) : ["No record matches these filters: c and p change them."]);
        }
        SetNeedsDraw();
    }

    private void OnKey(object? sender, Key key)
    {
        key.Handled = Act(key);
        if (key.Handled)
        {
            Show();
        }
    }

    private bool Act(Key key)
    {
        var code = key.KeyCode;
        var page = Math.Max(1, Detail.Viewport.Height - 1);
        Action? action =
            code == Key.CursorRight.KeyCode || code == Key.CursorDown.KeyCode ? () => Browser.Move(1)
            : code == Key.CursorLeft.KeyCode || code == Key.CursorUp.KeyCode ? () => Browser.Move(-1)
            : code == Key.Tab.KeyCode ? () => Browser.MoveToCall(1)
            : code == Key.Tab.WithShift.KeyCode ? () => Browser.MoveToCall(-1)
            : code == Key.Home.KeyCode ? () => Browser.MoveTo(0)
            : code == Key.End.KeyCode ? () => Browser.MoveTo(int.MaxValue)
            : code == Key.C.KeyCode ? Browser.NextCharacter
            : code == Key.P.KeyCode ? Browser.NextPhase
            : null;
        if (action is not null)
        {
            action();
            return true;
        }
        if (code == Key.PageDown.KeyCode || code == Key.PageUp.KeyCode)
        {
            Detail.Scroll(code == Key.PageDown.KeyCode ? page : -page);
            return true;
        }
        if (code == Key.Q.KeyCode || code == Key.Esc.KeyCode)
        {
            _app.RequestStop();
            return true;
        }
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Keyboard.KeyDown -= OnKey;
        }
        base.Dispose(disposing);
    }
}
