using TaleForge.Core.Definitions;
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

    /// <summary>
    /// Opens the screen at once and shows <paramref name="world"/> loading (the bar <paramref name="activity"/>
    /// holds) while <paramref name="prepare"/> gets its play ready, then the game. A preparation done at once opens
    /// the game with no loading shown, and one that fails at once opens nothing. Esc, Ctrl-Q or Ctrl-C cancel the
    /// preparation's token; once it has stopped, an <see cref="OperationCanceledException"/> leaves here, as a
    /// preparation's own failure does, after the terminal is restored.
    /// </summary>
    public static void Run(WorldInfo world, ModelActivity activity, Func<CancellationToken, Task<PreparedPlay>> prepare, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(prepare);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var preparing = prepare(stop.Token);
        if (preparing.IsFaulted || preparing.IsCanceled)
        {
            preparing.GetAwaiter().GetResult();
        }
        using var app = Application.Create();
        app.Init();
        Run(app, world, activity, preparing, stop);
    }

    /// <summary>The loading view (unless the play is ready), then the game, in one application.</summary>
    internal static void Run(IApplication app, WorldInfo world, ModelActivity activity, Task<PreparedPlay> preparing, CancellationTokenSource stop)
    {
        var prepared = Prepared(app, world, activity, preparing, stop);
        Play(app, prepared.Play, prepared.Options);
    }

    /// <summary>The prepared play, after the loading view if it was not ready at once; throws what the preparation threw.</summary>
    internal static PreparedPlay Prepared(IApplication app, WorldInfo world, ModelActivity activity, Task<PreparedPlay> preparing, CancellationTokenSource stop)
    {
        if (!preparing.IsCompleted)
        {
            using var loading = new LoadingScreen(app, world, activity, preparing, stop);
            app.AddTimeout(RenderTick, loading.Tick);
            app.Run(loading);
            // However the view ended, the preparation does not go on without it.
            if (!preparing.IsCompleted)
            {
                stop.Cancel();
            }
        }
        var prepared = preparing.GetAwaiter().GetResult();
        // Ready in the same moment the player stopped it: the player's word holds.
        stop.Token.ThrowIfCancellationRequested();
        return prepared;
    }

    private static void Play(IApplication app, ScreenPlay play, ScreenOptions options)
    {
        using var screen = new GameScreen(app, play, options);
        app.AddTimeout(RenderTick, screen.Tick);
        _ = play.StartAsync().ContinueWith(_ => app.Invoke(screen.AfterTurn), TaskScheduler.Default);
        app.Run(screen);
    }
}
