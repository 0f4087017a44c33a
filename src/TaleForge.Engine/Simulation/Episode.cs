using TaleForge.Core.Definitions;

namespace TaleForge.Engine.Simulation;

/// <summary>One headless play-through to run: a world, where it starts, how far it goes, and its seed.</summary>
public sealed record Episode(string Name, WorldDefinition World, long Seed)
{
    /// <summary>The scene to start in; the world's start scene when null.</summary>
    public string? Scene { get; init; }

    /// <summary>End the story when that scene ends (simulate --scene).</summary>
    public bool OnlyThisScene { get; init; }

    /// <summary>Rounds per scene at most (simulate --rounds).</summary>
    public int? Rounds { get; init; }

    /// <summary>Where the world came from, for the trajectory header.</summary>
    public string Source { get; init; } = "";
}
