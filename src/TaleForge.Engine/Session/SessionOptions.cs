using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Session;

/// <summary>How a play-through is run: its seed, and where its record goes.</summary>
public sealed record SessionOptions
{
    /// <summary>The episode seed every other seed is derived from.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Receives every event and model call as it happens; null keeps nothing beyond memory.</summary>
    public ITrajectorySink? Trajectory { get; init; }

    /// <summary>The scene to start in; the world's start scene when null.</summary>
    public string? StartScene { get; init; }

    /// <summary>Stop a scene after this many rounds even if the world allows more (simulate --rounds).</summary>
    public int? RoundLimit { get; init; }

    /// <summary>Importance a character must accumulate before it reflects on what it observed.</summary>
    public double ReflectionThreshold { get; init; } = 5.0;

    /// <summary>End the story when the first scene ends, ignoring transitions (simulate --scene).</summary>
    public bool StopAfterScene { get; init; }
}
