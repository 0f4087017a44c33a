using TaleForge.Cli.Models;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Play;

/// <summary>
/// A game opened for <c>play</c>, the same for line mode and the full-screen game: its cast with the models
/// loaded, how it saves, and the session with the slot it plays into and what loading its save warned of.
/// Disposing it lets the models go.
/// </summary>
internal sealed record OpenedGame(LoadedCast Cast, SavedPlay Saved, GameSession Session, SaveSlot? Slot, IReadOnlyList<string> Warnings) : IAsyncDisposable
{
    /// <summary>How a view's play controller is set up for this game; <paramref name="saving"/> false: no save dialogs.</summary>
    public PlaySetup Setup(IGenerationGate gate, bool saving) => new()
    {
        Slot = Slot,
        Saves = saving ? Saved : null,
        Models = Cast.Models,
        Warnings = Warnings,
        Gate = gate,
    };

    public ValueTask DisposeAsync() => Cast.DisposeAsync();
}
