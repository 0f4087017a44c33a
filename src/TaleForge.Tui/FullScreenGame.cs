using TaleForge.Tui.Screen;
using Terminal.Gui.App;

namespace TaleForge.Tui;

/// <summary>
/// <c>taleforge play</c> on a terminal: the full-screen game over a play controller. It runs until the player
/// quits; every turn is saved as it is played, so closing loses nothing.
/// </summary>
public static class FullScreenGame
{
    /// <summary>How often streamed text is drawn: often enough to read as it comes, seldom enough to batch.</summary>
    private static readonly TimeSpan RenderTick = TimeSpan.FromMilliseconds(80);

    /// <summary>
    /// Whether this process talks to a terminal that can show the game: input and output not redirected, and a
    /// TERM that is set and not "dumb". Otherwise play stays line by line, as pipes and screen readers need.
    /// </summary>
    public static bool CanRun()
    {
        var term = Environment.GetEnvironmentVariable("TERM");
        return !Console.IsInputRedirected && !Console.IsOutputRedirected && !string.IsNullOrEmpty(term)
            && !string.Equals(term, "dumb", StringComparison.Ordinal);
    }

    public static void Run(ScreenPlay play, ScreenOptions options)
    {
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(options);
        using var app = Application.Create();
        app.Init();
        using var screen = new GameScreen(app, play, options);
        app.AddTimeout(RenderTick, screen.Tick);
        _ = play.StartAsync().ContinueWith(_ => app.Invoke(screen.AfterTurn), TaskScheduler.Default);
        app.Run(screen);
    }
}
