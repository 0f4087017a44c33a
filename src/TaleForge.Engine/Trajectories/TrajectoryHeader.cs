using System.Collections.Immutable;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Session;

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

    /// <summary>The story ended with its first scene (simulate --scene). Absent in older files: false.</summary>
    public bool StopAfterScene { get; init; }

    /// <summary>The director phase ran on the narrator's agent. Absent in older files: false.</summary>
    public bool Director { get; init; }

    /// <summary>Importance a character gathered before it reflected. Absent in older files: the default, 5.</summary>
    public double ReflectionThreshold { get; init; } = 5.0;

    /// <summary>False when the backend cannot promise byte-identical replays (a GPU backend, say).</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>Set when this trajectory re-plays another with one character's decisions made by a different model.</summary>
    public SwapReference? Swap { get; init; }

    /// <summary>
    /// The header for a session about to be played: world, seed and every setting a re-run needs, taken from the
    /// session's own options and cast, so play, simulation and replay cannot record them differently.
    /// </summary>
    public static TrajectoryHeader For(
        WorldDefinition world, string source, Cast cast, SessionOptions options, IEnumerable<ModelReference> models, string taleforgeVersion)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cast);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(taleforgeVersion);
        return new TrajectoryHeader
        {
            Taleforge = taleforgeVersion,
            Created = DateTimeOffset.UtcNow,
            World = new WorldReference(world.Info.Id, world.Info.Title, source, WorldHash.Of(world)),
            Seed = options.Seed,
            Player = cast.Player,
            Mode = cast.IsAuthored ? "authored" : "model",
            Models = [.. models],
            StartScene = options.StartScene,
            RoundLimit = options.RoundLimit,
            StopAfterScene = options.StopAfterScene,
            Director = cast.Director,
            ReflectionThreshold = options.ReflectionThreshold,
        };
    }

    /// <summary>The session options that reproduce the recorded episode (seed, start scene, limits, thresholds).</summary>
    public SessionOptions SessionOptions(ITrajectorySink? trajectory = null) => new()
    {
        Seed = Seed,
        StartScene = StartScene,
        RoundLimit = RoundLimit,
        StopAfterScene = StopAfterScene,
        ReflectionThreshold = ReflectionThreshold,
        Trajectory = trajectory,
    };
}

/// <summary>What a swapped re-play was made from: the original trajectory, the character, and its new model.</summary>
public sealed record SwapReference(string Trajectory, string Character, ModelReference Model);

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
