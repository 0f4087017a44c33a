using TaleForge.Cli.Models;
using TaleForge.Content.Library;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Play;

/// <summary>
/// New games started from the full-screen game's dialog: the worlds of the library, each cast by the same model
/// options as the game the command started (models are opened again for the new world, their loading shown as
/// the screen's bar), saved as every game is unless saving is off. The cast of the game played last is kept open
/// until another starts or the command ends.
/// </summary>
internal sealed class ScreenGameStarts(
    WorldLibrary worlds, Func<WorldDefinition, string, CancellationToken, Task<LoadedCast>> castFor, SaveLibrary library, bool saving, long seed)
    : IGameStarts, IAsyncDisposable
{
    private LoadedCast? _current;

    public IReadOnlyList<WorldOffer> Worlds() => WorldOffer.In(worlds);

    public async Task<NewGame> StartAsync(WorldOffer world, string character, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        var opened = WorldSource.At(world.Folder).Open();
        var cast = await castFor(opened.Definition, character, cancellation);
        var saved = new SavedPlay(library, cast, character);
        NewGame game;
        if (saving)
        {
            library.Prepare();
            var (session, slot) = saved.Start(opened, seed, null);
            game = new NewGame(session, slot, []);
        }
        else
        {
            game = new NewGame(new GameSession(opened.Definition, cast.Cast, saved.Spec(opened, seed).SessionOptions()), null, []);
        }
        // The game before this one is no longer played: its models can go.
        if (Interlocked.Exchange(ref _current, cast) is { } previous)
        {
            await previous.DisposeAsync();
        }
        return game;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _current, null) is { } cast)
        {
            await cast.DisposeAsync();
        }
    }
}
