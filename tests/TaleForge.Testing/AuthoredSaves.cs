using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Testing;

/// <summary>
/// The saves of an authored game played in a test (seed 5, the world's player): a library in a folder of the test's
/// own, and what the play controller needs to keep a copy under a name and to load one again.
/// </summary>
public sealed class AuthoredSaves(WorldDefinition world, string player, string folder) : IPlaySaves
{
    public const long Seed = 5;

    public SaveLibrary Library { get; } = new(folder);

    public string Folder => Library.Folder;

    /// <summary>A new save named <paramref name="name"/>, its header written.</summary>
    public SaveSlot NewSlot(string name) => SaveSlot.Create(Library.NewNamed(name), Header());

    public string Keep(SaveSlot playing, string name) => Path.GetFileName(Library.Copy(playing.Folder, Library.NewNamed(name)));

    public LoadedGame Load(string name)
    {
        var copy = Library.Copy(Library.Resolve(name), Library.NewSlot(world.Info.Id, DateTimeOffset.UnixEpoch));
        var saved = SavedGame.Open(copy);
        var slot = SaveSlot.Continue(copy, saved.Header);
        var session = saved.Resume(TestWorld.Opened(world), Cast.Authored(world, player), new SessionOptions { Seed = Seed, Trajectory = slot });
        return new LoadedGame(session, slot, saved.Warnings);
    }

    private TrajectoryHeader Header() => new()
    {
        Taleforge = "test",
        Created = DateTimeOffset.UnixEpoch,
        World = new WorldReference(world.Info.Id, world.Info.Title, "memory", WorldHash.Of(world)),
        Seed = Seed,
        Player = player,
        Mode = "authored",
    };
}
