using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Tui.Screen;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace TaleForge.Tui.Tests;

/// <summary>
/// A sample world played in the full-screen game with no terminal: Terminal.Gui's ANSI driver headless, virtual
/// time, keys injected as a player types them, and the screen read back as text. Saves go to a folder of its own;
/// Esc stops a generation as in the game.
/// </summary>
internal sealed class GameOnScreen : IDisposable
{
    private static readonly WorldLibrary Worlds = WorldLibrary.Locate(null, null, AppContext.BaseDirectory, AppContext.BaseDirectory);
    private readonly IApplication _app;
    private readonly SessionToken _token;
    private readonly ScreenGate _gate = new(CancellationToken.None);

    private GameOnScreen(string world, string folder, int width, int height, string? config, ModelActivity? activity, Func<WorldDefinition, string, Cast>? cast)
    {
        var definition = WorldLoader.LoadOrThrow(Worlds.Resolve(world));
        var player = definition.Characters.First(c => c.Player).Id;
        var saves = new AuthoredSaves(definition, player, folder);
        var slot = saves.NewSlot("game");
        var controller = new PlayController(
            new GameSession(definition, (cast ?? Cast.Authored)(definition, player), new SessionOptions { Seed = AuthoredSaves.Seed, Trajectory = slot }),
            new PlaySetup { Slot = slot, Saves = saves, Gate = _gate });
        Play = new ScreenPlay(controller);
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        Screen = new GameScreen(_app, Play, new ScreenOptions
        {
            Saves = saves.Library,
            TranscriptFolder = folder,
            ConfigPath = config,
            Activity = activity,
            Starts = new AuthoredStarts(Worlds, folder),
            Gate = _gate,
        });
        _token = _app.Begin(Screen)!;
    }

    public ScreenPlay Play { get; }
    public GameScreen Screen { get; }

    /// <param name="cast">Who plays whom (the world and the player given); every character authored when null.</param>
    public static async Task<GameOnScreen> StartAsync(
        string world, string folder, int width = 80, int height = 24, string? config = null, ModelActivity? activity = null,
        Func<WorldDefinition, string, Cast>? cast = null)
    {
        var game = new GameOnScreen(world, folder, width, height, config, activity, cast);
        await game.Play.StartAsync();
        game.Screen.AfterTurn();
        return game;
    }

    /// <summary>The screen over a game not started yet: the test starts it (and may look while its opening runs).</summary>
    public static GameOnScreen Open(string world, string folder, int width = 80, int height = 24, Func<WorldDefinition, string, Cast>? cast = null) =>
        new(world, folder, width, height, null, null, cast);

    /// <summary>Types the characters of <paramref name="text"/> into whatever has the keys.</summary>
    public void Keys(string text)
    {
        foreach (var c in text)
        {
            _app.InjectKey(c == ' ' ? Key.Space : new Key(c));
        }
    }

    public async Task Press(Key key)
    {
        _app.InjectKey(key);
        await Settle();
    }

    /// <summary>A mouse event at a column and row of the screen.</summary>
    public void Mouse(int column, int row, MouseFlags flags)
    {
        _app.InjectMouse(new Mouse { ScreenPosition = new System.Drawing.Point(column, row), Flags = flags });
        _app.LayoutAndDraw(true);
    }

    /// <summary>Presses a key without waiting for the turn it starts.</summary>
    public void Tap(Key key) => _app.InjectKey(key);

    /// <summary>Waits for the turn being played, then lets the screen catch up.</summary>
    public Task Settled() => Settle();

    /// <summary>Types a command and Enter, and waits for the turn to be played.</summary>
    public async Task Command(string line)
    {
        Keys(line);
        await Press(Key.Enter);
    }

    public void Resize(int width, int height)
    {
        _app.Driver!.SetScreenSize(width, height);
        _app.LayoutAndDraw(true);
    }

    /// <summary>The screen as glyphs, a row a line.</summary>
    public string Text()
    {
        Screen.Refresh();
        _app.LayoutAndDraw(true);
        return _app.Driver!.ToString()!;
    }

    public string Ansi()
    {
        Screen.Refresh();
        _app.LayoutAndDraw(true);
        return _app.Driver!.ToAnsi();
    }

    private async Task Settle()
    {
        if (Play.Running is { } running)
        {
            await running;
        }
        Screen.AfterTurn();
    }

    public void Dispose()
    {
        _app.End(_token);
        Screen.Dispose();
        _app.Dispose();
        Play.Controller.Dispose();
        _gate.Dispose();
    }
}
