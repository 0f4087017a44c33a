using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Play;

/// <summary>
/// A sample world played through the controller with no terminal, in authored mode: what it shows (the story as
/// the player perceives it, and the game's own lines) is kept as text, and its saves go to a folder of its own.
/// </summary>
internal sealed class HeadlessPlay : IPlaySaves, IDisposable
{
    private readonly SaveLibrary _library;
    private readonly WorldDefinition _world;

    private HeadlessPlay(string name, string folder, bool saving)
    {
        _world = SampleWorlds.Load(name);
        _library = new SaveLibrary(folder);
        Player = _world.Characters.First(c => c.Player).Id;
        SaveSlot? slot = null;
        var options = new SessionOptions { Seed = 5 };
        if (saving)
        {
            slot = SaveSlot.Create(_library.NewNamed("game"), Header());
            options = options with { Trajectory = slot };
        }
        Controller = new PlayController(new GameSession(_world, Cast.Authored(_world, Player), options), new PlaySetup
        {
            Slot = slot,
            Saves = saving ? this : null,
        });
        Controller.EventApplied += (_, applied) =>
        {
            if (applied.IsSeenBy(Controller.Player) && applied.TextFor(Controller.Player) is { Length: > 0 } text)
            {
                Story.Add(text);
            }
        };
        Controller.Message += (_, message) => Messages.Add(message.Text);
    }

    public PlayController Controller { get; }
    public string Player { get; }
    public List<string> Story { get; } = [];
    public List<string> Messages { get; } = [];

    public GameSession Session => Controller.Session;

    public static async Task<HeadlessPlay> StartAsync(string name, string folder, bool saving = false)
    {
        var play = new HeadlessPlay(name, folder, saving);
        await play.Controller.StartAsync();
        return play;
    }

    /// <summary>Types a line; returns what the game said about itself in answer (story lines are in <see cref="Story"/>).</summary>
    public async Task<List<string>> TypeAsync(string line)
    {
        Messages.Clear();
        Assert.True(await Controller.HandleAsync(line), $"'{line}' ended the game");
        return [.. Messages];
    }

    public string Folder => _library.Folder;

    public string Keep(SaveSlot playing, string name) => Path.GetFileName(_library.Copy(playing.Folder, _library.NewNamed(name)));

    public LoadedGame Load(string name)
    {
        var copy = _library.Copy(_library.Resolve(name), _library.NewSlot(_world.Info.Id, DateTimeOffset.UnixEpoch));
        var saved = SavedGame.Open(copy);
        var slot = SaveSlot.Continue(copy, saved.Header);
        var session = saved.Resume(TestWorld.Opened(_world), Cast.Authored(_world, Player), new SessionOptions { Seed = 5, Trajectory = slot });
        return new LoadedGame(session, slot, saved.Warnings);
    }

    private TrajectoryHeader Header() => new()
    {
        Taleforge = "test",
        Created = DateTimeOffset.UnixEpoch,
        World = new WorldReference(_world.Info.Id, _world.Info.Title, "memory", WorldHash.Of(_world)),
        Seed = 5,
        Player = Player,
        Mode = "authored",
    };

    public void Dispose() => Controller.Dispose();
}
