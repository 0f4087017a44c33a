using System.Collections.Immutable;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;

namespace TaleForge.Engine.Episodes;

/// <summary>
/// Everything that decides how an episode plays: the world, where it starts and how far it goes, who is at the
/// keyboard, the model of each role, how they sample, the seed, the director and the protocol. The trajectory
/// header, the session options and the replay cast are all derived from this one value, so play, simulation and
/// replay cannot record or re-run an episode differently; <see cref="Of"/> reads it back from a header exactly.
/// </summary>
public sealed record EpisodeSpec
{
    public required WorldReference World { get; init; }

    /// <summary>The scene to start in; the world's start scene when null.</summary>
    public string? StartScene { get; init; }

    /// <summary>The character a person plays; null when every character is an agent.</summary>
    public string? Player { get; init; }

    /// <summary>The model of each role that a model plays; empty in authored mode.</summary>
    public ImmutableArray<ModelReference> Models { get; init; } = [];

    /// <summary>How every role of the episode samples (what is sent with each call).</summary>
    public Sampling Sampling { get; init; } = Sampling.Default;

    /// <summary>The episode seed every other seed is derived from.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Rounds per scene at most, even if the world allows more (simulate --rounds).</summary>
    public int? RoundLimit { get; init; }

    /// <summary>The story ends when its first scene ends (simulate --scene).</summary>
    public bool StopAfterScene { get; init; }

    /// <summary>The director phase runs on the narrator's agent.</summary>
    public bool Director { get; init; }

    /// <summary>Importance a character gathers before it reflects on what it observed.</summary>
    public double ReflectionThreshold { get; init; } = 5.0;

    public EpisodeProtocol Protocol { get; init; } = EpisodeProtocol.TaleForge;

    /// <summary>False when a backend cannot promise byte-identical replays (a GPU, say).</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>Candidate turns sampled per model-played character turn, a judge picking the one played (1: the turn as asked).</summary>
    public int Candidates { get; init; } = 1;

    /// <summary>The researcher's prompt templates the models are asked with (folder name and hash); null for the built-in ones.</summary>
    public string? Prompts { get; init; }

    /// <summary>Set when this episode re-plays another with one character's decisions made by a different model.</summary>
    public SwapReference? Swap { get; init; }

    /// <summary>No model plays any role: the game says it is in authored mode.</summary>
    public bool IsAuthored => Models.IsEmpty;

    /// <summary>
    /// The model that plays <paramref name="role"/>: its own entry, else the one it falls back on (a character on
    /// "characters", the director on the narrator's); null when the role is authored.
    /// </summary>
    public ModelReference? ModelFor(Role role) => ModelIn(Models, role);

    /// <summary><see cref="ModelFor"/>'s rule over any list of models (a cast put together before its spec is).</summary>
    public static ModelReference? ModelIn(IEnumerable<ModelReference> models, Role role)
    {
        ArgumentNullException.ThrowIfNull(models);
        var all = models as IReadOnlyCollection<ModelReference> ?? [.. models];
        return all.FirstOrDefault(m => m.Role == role) ?? role.Kind switch
        {
            RoleKind.Character => all.FirstOrDefault(m => m.Role == Role.Characters),
            RoleKind.Director => all.FirstOrDefault(m => m.Role == Role.Narrator),
            _ => null,
        };
    }

    /// <summary>The header line that records this episode; <see cref="Of"/> turns it back into this very spec.</summary>
    public TrajectoryHeader Header(string taleforgeVersion, DateTimeOffset created)
    {
        ArgumentException.ThrowIfNullOrEmpty(taleforgeVersion);
        return new TrajectoryHeader
        {
            Taleforge = taleforgeVersion,
            Created = created,
            World = World,
            Seed = Seed,
            Player = Player,
            Mode = IsAuthored ? TrajectoryHeader.AuthoredMode : TrajectoryHeader.ModelMode,
            Models = Models,
            Sampling = Sampling,
            StartScene = StartScene,
            RoundLimit = RoundLimit,
            StopAfterScene = StopAfterScene,
            Director = Director,
            ReflectionThreshold = ReflectionThreshold,
            Protocol = Protocol,
            Deterministic = Deterministic,
            Swap = Swap,
            Candidates = Candidates > 1 ? Candidates : null,
            Prompts = Prompts,
        };
    }

    /// <summary>
    /// The spec a header records. Headers written before the sampling was recorded as one value give the
    /// temperature and top-p of their models' parameters, and the defaults for the rest.
    /// </summary>
    public static EpisodeSpec Of(TrajectoryHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new EpisodeSpec
        {
            World = header.World,
            StartScene = header.StartScene,
            Player = header.Player,
            Models = header.Models,
            Sampling = header.Sampling ?? LegacySampling(header.Models),
            Seed = header.Seed,
            RoundLimit = header.RoundLimit,
            StopAfterScene = header.StopAfterScene,
            Director = header.Director,
            ReflectionThreshold = header.ReflectionThreshold,
            Protocol = header.Protocol,
            Deterministic = header.Deterministic,
            Swap = header.Swap,
            Candidates = header.Candidates ?? 1,
            Prompts = header.Prompts,
        };
    }

    /// <summary>How a session plays this episode, writing to <paramref name="trajectory"/> (nothing kept beyond memory when null).</summary>
    public SessionOptions SessionOptions(ITrajectorySink? trajectory = null) => new()
    {
        Seed = Seed,
        StartScene = StartScene,
        RoundLimit = RoundLimit,
        StopAfterScene = StopAfterScene,
        ReflectionThreshold = ReflectionThreshold,
        Trajectory = trajectory,
    };

    private static Sampling LegacySampling(ImmutableArray<ModelReference> models)
    {
        float? Recorded(string key) => models
            .Select(m => m.Parameters.TryGetValue(key, out var text)
                && float.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (float?)null)
            .FirstOrDefault(v => v is not null);
        return Sampling.Default with
        {
            Temperature = Recorded("temp") ?? Sampling.Default.Temperature,
            TopP = Recorded("top_p") ?? Sampling.Default.TopP,
        };
    }

    public bool Equals(EpisodeSpec? other) =>
        other is not null
        && World == other.World
        && StartScene == other.StartScene
        && Player == other.Player
        && Models.SequenceEqual(other.Models)
        && Sampling == other.Sampling
        && Seed == other.Seed
        && RoundLimit == other.RoundLimit
        && StopAfterScene == other.StopAfterScene
        && Director == other.Director
        && ReflectionThreshold.Equals(other.ReflectionThreshold)
        && Protocol == other.Protocol
        && Deterministic == other.Deterministic
        && Swap == other.Swap
        && Candidates == other.Candidates
        && Prompts == other.Prompts;

    public override int GetHashCode() => HashCode.Combine(World, Seed, Player, StartScene, Models.Length, Director);
}
