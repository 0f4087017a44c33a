using System.Collections.Immutable;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Play;

/// <summary>What a view hands the controller besides the session: where the game saves, and how it began.</summary>
public sealed record PlaySetup
{
    /// <summary>The save the session writes into; null when this game is not saved.</summary>
    public SaveSlot? Slot { get; init; }

    /// <summary>Named saves for /save and /load; null turns both off (--no-save).</summary>
    public IPlaySaves? Saves { get; init; }

    /// <summary>The models that play roles, told in the world's language at the start; empty in authored mode.</summary>
    public ImmutableArray<ModelReference> Models { get; init; } = [];

    /// <summary>What was wrong with the save play resumes from, told to the player at the start.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How the view stops a generation; null: nothing but the caller's token stops play.</summary>
    public IGenerationGate? Gate { get; init; }
}
