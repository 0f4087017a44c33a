using TaleForge.Content;
using TaleForge.Content.Library;
using TaleForge.Engine.Play;
using TaleForge.Engine.Session;

namespace TaleForge.Tui.Tests;

/// <summary>New games of the sample worlds with no model, each saved in a folder of the test's own, as the command line starts them.</summary>
internal sealed class AuthoredStarts(WorldLibrary worlds, string folder) : IGameStarts
{
    private int _started;

    public IReadOnlyList<WorldOffer> Worlds() => WorldOffer.In(worlds);

    public Task<NewGame> StartAsync(WorldOffer world, string character, CancellationToken cancellation = default)
    {
        var definition = WorldLoader.LoadOrThrow(world.Folder);
        var slot = new AuthoredSaves(definition, character, folder).NewSlot($"new-{++_started}");
        var session = new GameSession(definition, Cast.Authored(definition, character), new SessionOptions { Seed = AuthoredSaves.Seed, Trajectory = slot });
        return Task.FromResult(new NewGame(session, slot, []));
    }
}
