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
internal sealed class HeadlessPlay : IDisposable
{
    private HeadlessPlay(string name, string folder, bool saving)
    {
        var world = SampleWorlds.Load(name);
        Player = world.Characters.First(c => c.Player).Id;
        var saves = new AuthoredSaves(world, Player, folder);
        Folder = saves.Folder;
        SaveSlot? slot = null;
        var options = new SessionOptions { Seed = AuthoredSaves.Seed };
        if (saving)
        {
            slot = saves.NewSlot("game");
            options = options with { Trajectory = slot };
        }
        Controller = new PlayController(new GameSession(world, Cast.Authored(world, Player), options), new PlaySetup
        {
            Slot = slot,
            Saves = saving ? saves : null,
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

    /// <summary>The saves folder, as the player is told it.</summary>
    public string Folder { get; }
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

    public void Dispose() => Controller.Dispose();
}
