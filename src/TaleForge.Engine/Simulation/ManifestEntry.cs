namespace TaleForge.Engine.Simulation;

/// <summary>One episode of a run as its manifest lists it: what it plays, how far it got, and what it cost.</summary>
public sealed record ManifestEntry
{
    /// <summary>The trajectory's path relative to the run's folder ("work/scene/seed-1.jsonl").</summary>
    public required string Trajectory { get; init; }

    /// <summary>The world's id (a CharacterBox work's id).</summary>
    public required string Work { get; init; }

    /// <summary>The scene the episode plays; "story" when it plays the world from its start to its end.</summary>
    public required string Scene { get; init; }

    public long Seed { get; init; }
    public EpisodeStatus Status { get; init; }

    /// <summary>Which model plays which role ("characters: a.gguf; narrator: b.gguf"); "authored" without one.</summary>
    public string Models { get; init; } = "";

    /// <summary>The round pipeline the episode is played by.</summary>
    public string Protocol { get; init; } = "";

    public DateTimeOffset? Started { get; init; }
    public double Seconds { get; init; }
    public int Rounds { get; init; }
    public int Events { get; init; }
    public int ModelCalls { get; init; }
    public int FailedCalls { get; init; }
    public string? Ending { get; init; }

    /// <summary>What stopped a failed episode.</summary>
    public string? Error { get; init; }
}
