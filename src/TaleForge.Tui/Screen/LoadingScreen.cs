using TaleForge.Core.Definitions;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TaleForge.Tui.Screen;

/// <summary>
/// What the full-screen game shows while its play is being prepared (its models loading): the world's title, the
/// loading bar in the middle and how to stop. Esc, Ctrl-Q or Ctrl-C stop the preparation; the view ends once the
/// preparation has, whichever way it ended.
/// </summary>
public sealed class LoadingScreen : Window
{
    private readonly IApplication _app;
    private readonly ModelActivity _activity;
    private readonly Task _preparing;
    private readonly CancellationTokenSource _stop;
    private readonly ScreenWords _words;
    private readonly Label _bar;

    /// <param name="preparing">The preparation watched; the view ends when it does.</param>
    /// <param name="stop">Cancelled when the player stops the loading.</param>
    public LoadingScreen(IApplication app, WorldInfo world, ModelActivity activity, Task preparing, CancellationTokenSource stop)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(preparing);
        ArgumentNullException.ThrowIfNull(stop);
        _app = app;
        _activity = activity;
        _preparing = preparing;
        _stop = stop;
        _words = ScreenWords.For(world.Language);
        Title = world.Title;
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Single;
        _bar = new Label { X = 0, Y = Pos.Center(), Width = Dim.Fill(), TextAlignment = Alignment.Center, Text = BarText() };
        var keys = new Label { X = 0, Y = Pos.Bottom(_bar) + 1, Width = Dim.Fill(), TextAlignment = Alignment.Center, Text = _words.StopsLoading };
        Add(_bar, keys);
        _app.Keyboard.KeyDown += OnKey;
    }

    /// <summary>The player asked to stop the loading.</summary>
    public bool Stopped => _stop.IsCancellationRequested;

    /// <summary>
    /// Draws how far the loading got, or ends the view once the preparation has ended; the render tick calls it.
    /// False once the view has ended, so the tick stops.
    /// </summary>
    public bool Tick()
    {
        if (_preparing.IsCompleted)
        {
            _app.RequestStop(this);
            return false;
        }
        var text = BarText();
        if (_bar.Text != text)
        {
            _bar.Text = text;
            SetNeedsDraw();
        }
        return true;
    }

    private string BarText() => _activity.Describe(_words) ?? _words.Preparing;

    private void OnKey(object? sender, Key key)
    {
        if (key.KeyCode == Key.Esc.KeyCode || key.KeyCode == Key.Q.WithCtrl.KeyCode || key.KeyCode == Key.C.WithCtrl.KeyCode)
        {
            _stop.Cancel();
        }
        // Every other key waits for the game; none may close the screen while a model loads.
        key.Handled = true;
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
