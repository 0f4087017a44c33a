using TaleForge.Core;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;
using Terminal.Gui.App;

namespace TaleForge.Tui.Replay;

/// <summary><c>replay --tui</c>: checks that the viewer can run here, then runs it.</summary>
public static class ReplayTui
{
    /// <summary>Refuses --tui with options that print instead, and without a terminal to draw on.</summary>
    /// <param name="otherOutput">True when the command also asked for printed output (--json, --verify, --swap), which the viewer does not give.</param>
    public static void Check(bool wanted, bool otherOutput)
    {
        if (!wanted)
        {
            return;
        }
        if (otherOutput)
        {
            throw new TaleForgeException("--tui shows the records on the screen; it does not go with --json, --verify or --swap.");
        }
        if (!FullScreenGame.CanRun())
        {
            throw new TaleForgeException("--tui needs a terminal (input and output not redirected, TERM set and not 'dumb'); without one, leave out --tui to print the story.");
        }
    }

    /// <summary>Runs the viewer on the terminal until the reader leaves it.</summary>
    public static void Run(TrajectoryFile file, ReplayView view)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(view);
        using var app = Application.Create();
        app.Init();
        using var screen = new ReplayScreen(app, new ReplayBrowser(file, view));
        app.Run(screen);
    }
}
