using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TaleForge.Tui.Dialogs;

/// <summary>
/// A dialog drawn over the game window rather than run as a modal loop of its own, so the game goes on drawing
/// streamed text behind it and a headless test drives it with the same keys: a body of text, an optional list to
/// pick from (Up/Down), an optional line to type, Enter to act and Esc to close.
/// </summary>
public sealed class Overlay : FrameView
{
    private readonly Label _body;
    private readonly Label _footer;
    private IReadOnlyList<string> _choices = [];
    private string _text = "";

    public Overlay(string title, string footer)
    {
        Title = title;
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Percent(80);
        Height = Dim.Percent(80);
        CanFocus = true;
        _body = new Label { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill(2) };
        _footer = new Label { X = 1, Y = Pos.AnchorEnd(1), Width = Dim.Fill(1), Text = footer };
        Add(_body, _footer);
    }

    /// <summary>The line to type, when the dialog asks for one (a save's name, words to search for).</summary>
    public TextField? Field { get; private set; }

    public int Selected { get; private set; }

    /// <summary>What Enter does: given the typed line, or the picked choice's index as text.</summary>
    public Action<string>? Accept { get; init; }

    /// <summary>Keys the dialog answers besides Enter and Esc (y and n of a question); true when it handled one.</summary>
    public Func<Key, bool>? Answer { get; init; }

    /// <summary>Keys that change what the open dialog shows (← → through alternatives); true when it handled one.</summary>
    public Func<Key, bool>? Steer { get; init; }

    public string Body
    {
        get => _text;
        set
        {
            _text = value;
            Redraw();
        }
    }

    public void WithField(string label, string initial = "")
    {
        Add(new Label { X = 1, Y = Pos.AnchorEnd(3), Text = label + ":" });
        Field = new TextField { X = label.Length + 3, Y = Pos.AnchorEnd(3), Width = Dim.Fill(2), Text = initial };
        _body.Height = Dim.Fill(4);
        Add(Field);
    }

    public void WithChoices(IReadOnlyList<string> choices)
    {
        _choices = choices;
        Selected = 0;
        Redraw();
    }

    /// <summary>Handles a key while the dialog is open; false leaves it to the game (and the dialog closes).</summary>
    public bool Handle(Key key, Action close)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(close);
        if (key.KeyCode == Key.Esc.KeyCode)
        {
            close();
            return true;
        }
        if (key.KeyCode == Key.Enter.KeyCode)
        {
            close();
            Accept?.Invoke(Field?.Text ?? (_choices.Count > 0 ? Selected.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
            return true;
        }
        if (_choices.Count > 0 && (key.KeyCode == Key.CursorUp.KeyCode || key.KeyCode == Key.CursorDown.KeyCode))
        {
            Selected = Math.Clamp(Selected + (key.KeyCode == Key.CursorUp.KeyCode ? -1 : 1), 0, _choices.Count - 1);
            Redraw();
            return true;
        }
        if (Steer is { } steer && steer(key))
        {
            return true;
        }
        if (Answer is { } answer && answer(key))
        {
            close();
            return true;
        }
        // Typing goes to the field; other keys (F-keys, Ctrl) fall through to the game.
        return Field is not null && !key.IsCtrl && !key.IsAlt && (key.AsRune.Value >= ' ' || key.KeyCode == Key.Backspace.KeyCode
            || key.KeyCode == Key.CursorLeft.KeyCode || key.KeyCode == Key.CursorRight.KeyCode || key.KeyCode == Key.Delete.KeyCode) && FieldTakes(key);
    }

    private bool FieldTakes(Key key) => Field!.NewKeyDownEvent(key);

    private void Redraw()
    {
        var list = _choices.Select((c, i) => (i == Selected ? "▶ " : "  ") + c);
        _body.Text = _choices.Count == 0 ? _text : string.Join('\n', new[] { _text }.Where(t => t.Length > 0).Concat(list));
        SetNeedsDraw();
    }
}
