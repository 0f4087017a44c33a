using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Session;
using TaleForge.Tui.Screen;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace TaleForge.Tui.Tests;

/// <summary>
/// The full-screen game opened while its models load: the world's title, the loading bar and how to stop, until
/// the preparation ends; then the game, or what stopped it.
/// </summary>
public sealed class LoadingScreenTests : IDisposable
{
    private static readonly WorldInfo Greywick = new() { Id = "greywick", Title = "The Lamp at Greywick" };
    private static readonly WorldInfo TeaHouse = new() { Id = "tea-house-rain", Title = "雨夜茶寮", Language = "zh" };
    private readonly IApplication _app;
    private readonly ModelActivity _activity = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<PreparedPlay> _preparing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoadingScreen? _screen;
    private SessionToken? _token;

    public LoadingScreenTests()
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(80, 24);
    }

    [Fact]
    public void The_loading_view_shows_the_worlds_title_the_file_and_the_percent_reported_and_how_to_stop()
    {
        var screen = Open(Greywick);
        Assert.Contains("Preparing the game…", Text());

        _activity.Load("/models/maud.gguf", 0.45);
        Assert.True(screen.Tick());
        var text = Text();
        var rows = text.Split('\n');
        Assert.Contains("The Lamp at Greywick", rows[0]);
        var bar = Assert.Single(rows, r => r.Contains("maud.gguf", StringComparison.Ordinal));
        Assert.Contains("Loading maud.gguf █████████░░░░░░░░░░░ 45%", bar);
        // Centered: as many columns free on the left as on the right, give or take one.
        var left = bar.Length - bar.TrimStart('│', ' ').Length;
        var right = bar.Length - bar.TrimEnd('│', ' ').Length;
        Assert.InRange(left - right, -1, 1);
        Assert.Contains("Esc or Ctrl-Q stops loading", text);

        _activity.Load("/models/maud.gguf", 0.8);
        screen.Tick();
        Assert.Contains("Loading maud.gguf ████████████████░░░░ 80%", Text());
    }

    [Fact]
    public void A_Chinese_world_loads_in_Chinese_words()
    {
        var screen = Open(TeaHouse);
        _activity.Load("/models/tea.gguf", 0.5);
        screen.Tick();
        var text = Text();
        Assert.Contains("雨夜茶寮", text.Split('\n')[0]);
        Assert.Contains("正在加载 tea.gguf", text);
        Assert.Contains("Esc 或 Ctrl-Q 停止加载", text);
    }

    [Theory]
    [InlineData(KeyCode.Esc)]
    [InlineData(KeyCode.Q | KeyCode.CtrlMask)]
    [InlineData(KeyCode.C | KeyCode.CtrlMask)]
    public void Esc_Ctrl_Q_and_Ctrl_C_stop_the_loading_and_the_view_ends_once_it_has_stopped(KeyCode key)
    {
        var screen = Open(Greywick);
        _app.InjectKey(new Key(KeyCode.A));
        Assert.False(_stop.IsCancellationRequested);

        _app.InjectKey(new Key(key));
        Assert.True(_stop.IsCancellationRequested);
        Assert.True(screen.Stopped);
        // The view stays until the preparation has stopped: the models it loaded are let go first.
        Assert.True(screen.Tick());
        Assert.False(screen.StopRequested);

        _preparing.SetCanceled(_stop.Token);
        Assert.False(screen.Tick());
        Assert.True(screen.StopRequested);
    }

    [Fact]
    public void The_view_ends_when_the_preparation_completes()
    {
        var screen = Open(Greywick);
        Assert.True(screen.Tick());
        Assert.False(screen.StopRequested);

        _preparing.SetException(new TaleForgeException("the model file is damaged"));
        Assert.False(screen.Tick());
        Assert.True(screen.StopRequested);
        Assert.False(_stop.IsCancellationRequested);
    }

    [Fact]
    public void A_preparation_that_fails_at_once_opens_no_screen_and_its_message_leaves_as_it_was()
    {
        var failure = Assert.Throws<TaleForgeException>(() => FullScreenGame.Run(
            Greywick, _activity, _ => Task.FromException<PreparedPlay>(new TaleForgeException("--continue: there is no unfinished game of 'greywick'.")), CancellationToken.None));
        Assert.Equal("--continue: there is no unfinished game of 'greywick'.", failure.Message);
    }

    [Fact]
    public void A_preparation_that_fails_while_loading_leaves_with_its_message_once_the_view_has_ended()
    {
        var screen = Open(Greywick);
        _preparing.SetException(new TaleForgeException("tiny.gguf is not a GGUF model file"));
        screen.Tick();
        var failure = Assert.Throws<TaleForgeException>(() => FullScreenGame.Prepared(_app, Greywick, _activity, _preparing.Task, _stop));
        Assert.Equal("tiny.gguf is not a GGUF model file", failure.Message);
    }

    [Fact]
    public void A_play_ready_after_the_player_stopped_it_is_not_played()
    {
        Open(Greywick);
        _app.InjectKey(Key.Esc);
        _preparing.SetResult(new PreparedPlay(AuthoredPlay(), new ScreenOptions()));
        Assert.Throws<OperationCanceledException>(() => FullScreenGame.Prepared(_app, Greywick, _activity, _preparing.Task, _stop));
    }

    [Fact]
    public async Task Run_by_the_application_the_loading_view_draws_the_bar_then_gives_way_to_the_game_once_its_play_is_ready()
    {
        // Real time and the application's own loop: the render tick draws the bar and ends the view, then the game runs.
        // Initialised on the thread that runs it, as the game is: work from other threads reaches it through Invoke.
        using var app = Application.Create();
        var running = Task.Run(() =>
        {
            app.Init(DriverRegistry.Names.ANSI);
            app.Driver!.SetScreenSize(80, 24);
            FullScreenGame.Run(app, Greywick, _activity, _preparing.Task, _stop);
        });
        try
        {
            _activity.Load("/models/maud.gguf", 0.45);
            // The screen is read while the application redraws it: each text is waited for, not read once.
            await Shows(app, "Loading maud.gguf █████████░░░░░░░░░░░ 45%");
            await Shows(app, "Esc or Ctrl-Q stops loading");
            Assert.False(running.IsCompleted);

            _activity.Load("/models/maud.gguf", 1);
            _preparing.SetResult(new PreparedPlay(AuthoredPlay(), new ScreenOptions()));
            await Shows(app, "F1  Help");
            await Shows(app, "The Lamp at Greywick");
            Assert.DoesNotContain("stops loading", app.Driver!.ToString());
            Assert.False(running.IsCompleted);
        }
        finally
        {
            // Whatever failed, neither view is left running: a loop left behind would keep the test process alive.
            await _stop.CancelAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (!running.IsCompleted && DateTime.UtcNow < deadline)
            {
                app.Invoke(() => app.RequestStop());
                await Task.WhenAny(running, Task.Delay(100));
            }
        }
        await running.WaitAsync(TimeSpan.FromSeconds(1));
    }

    /// <summary>Waits until the application has drawn <paramref name="text"/>; fails after 20 s.</summary>
    private static async Task Shows(IApplication app, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (app.Driver?.ToString()?.Contains(text, StringComparison.Ordinal) != true && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Contains(text, app.Driver?.ToString());
    }

    private static ScreenPlay AuthoredPlay()
    {
        var world = WorldLoader.LoadOrThrow(WorldLibrary.Locate(null, null, AppContext.BaseDirectory, AppContext.BaseDirectory).Resolve("greywick"));
        var player = world.Characters.First(c => c.Player).Id;
        return new ScreenPlay(new PlayController(new GameSession(world, Cast.Authored(world, player), new SessionOptions { Seed = 1 }), new PlaySetup()));
    }

    private LoadingScreen Open(WorldInfo world)
    {
        _screen = new LoadingScreen(_app, world, _activity, _preparing.Task, _stop);
        _token = _app.Begin(_screen);
        return _screen;
    }

    private string Text()
    {
        _app.LayoutAndDraw(true);
        return _app.Driver!.ToString()!;
    }

    public void Dispose()
    {
        if (_token is not null)
        {
            _app.End(_token);
        }
        _screen?.Dispose();
        _app.Dispose();
        _stop.Dispose();
    }
}
