using System.Collections.Immutable;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// The first line of a trajectory: what it takes to understand and re-run the episode: the world and its content
/// hash, the seed, who played whom, and each model file by name, size and hash with its backend settings.
/// </summary>
public sealed record TrajectoryHeader
{
    public const string CurrentFormat = "taleforge/trajectory@1";

    public string Record { get; init; } = "header";
    public string Format { get; init; } = CurrentFormat;
    public required string Taleforge { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required WorldReference World { get; init; }
    public required long Seed { get; init; }
    public string? Player { get; init; }

    /// <summary>"authored" when no model played any role, else "model".</summary>
    public required string Mode { get; init; }

    public ImmutableArray<ModelReference> Models { get; init; } = [];

    /// <summary>The scene and round limit a simulation was asked for, when it was.</summary>
    public string? StartScene { get; init; }
    public int? RoundLimit { get; init; }

    /// <summary>False when the backend cannot promise byte-identical replays (a GPU backend, say).</summary>
    public bool Deterministic { get; init; } = true;
}

/// <summary>The world an episode was played in: its id, title, where it was loaded from, and a hash of its content.</summary>
public sealed record WorldReference(string Id, string Title, string Source, string Hash);

/// <summary>A model file as a role used it, with the settings that affect its output.</summary>
public sealed record ModelReference
{
    /// <summary>"narrator", "characters", or "character:ID" for a per-character override.</summary>
    public required string Role { get; init; }

    public required string File { get; init; }
    public long Bytes { get; init; }
    public string Sha256 { get; init; } = "";
    public string Backend { get; init; } = "";
    public ImmutableSortedDictionary<string, string> Parameters { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
}
