using TaleForge.Core.Events;
using TaleForge.Core.State;

namespace TaleForge.Engine.Narration;

/// <summary>
/// One event in a play-through, with where it sits: its step (unique in the whole trajectory), the step it
/// follows (branches form a tree), the scene, round and phase it happened in, and who perceived it.
/// </summary>
public sealed record LogEntry
{
    public required long Step { get; init; }
    public long? Parent { get; init; }
    public required string Scene { get; init; }
    public required int Round { get; init; }
    public required NarratorPhase Phase { get; init; }
    public required GameTime Time { get; init; }

    /// <summary>The character whose turn or reaction produced it, if any.</summary>
    public string? Actor { get; init; }

    public required ObservedEvent Observed { get; init; }

    public WorldEvent Event => Observed.Event;
}
