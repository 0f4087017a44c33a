using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;
using TaleForge.Tui.Replay;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace TaleForge.Tui.Tests;

/// <summary>The replay viewer with no terminal: the ANSI driver headless, virtual time, keys injected, the screen read back as text.</summary>
internal sealed class ReplayOnScreen : IDisposable
{
    private readonly IApplication _app;
    private readonly SessionToken _token;

    public ReplayOnScreen(TrajectoryFile file, int width = 80, int height = 24, ReplayView? view = null)
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        Screen = new ReplayScreen(_app, new ReplayBrowser(file, view));
        _token = _app.Begin(Screen)!;
    }

    public ReplayScreen Screen { get; }

    public ReplayOnScreen Press(Key key, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _app.InjectKey(key);
        }
        return this;
    }

    public string Text()
    {
        _app.LayoutAndDraw(true);
        Screen.Show();
        _app.LayoutAndDraw(true);
        return _app.Driver!.ToString()!;
    }

    public void Dispose()
    {
        _app.End(_token);
        Screen.Dispose();
        _app.Dispose();
    }
}
