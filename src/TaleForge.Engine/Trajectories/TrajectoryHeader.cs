using System.Collections.Immutable;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Inference.Backends;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// The first line of a trajectory: what it takes to understand and re-run the episode: the world and its content
/// hash, the seed, who played whom, and each model file by name, size and hash with its backend settings.
/// Written from an episode spec and read back into one (EpisodeSpec.Of, in Episodes, the folder above this one);
/// absent fields of older files take the values episodes had before they were recorded.
/// </summary>
public sealed record TrajectoryHeader
{
    public const string CurrentFormat = "taleforge/trajectory@1";
    public const string AuthoredMode = "authored";
    public const string ModelMode = "model";

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

    /// <summary>What every role sampled with, exactly as sent. Absent in older files: their models' "temp" and "top_p", else the defaults.</summary>
    public Sampling? Sampling { get; init; }

    /// <summary>The scene and round limit a simulation was asked for, when it was.</summary>
    public string? StartScene { get; init; }
    public int? RoundLimit { get; init; }

    /// <summary>The story ended with its first scene (simulate --scene). Absent in older files: false.</summary>
    public bool StopAfterScene { get; init; }

    /// <summary>The director phase ran on the narrator's agent. Absent in older files: false.</summary>
    public bool Director { get; init; }

    /// <summary>Importance a character gathered before it reflected. Absent in older files: the default, 5.</summary>
    public double ReflectionThreshold { get; init; } = 5.0;

    /// <summary>The round pipeline the episode was played by. Absent in older files: TaleForge's own.</summary>
    public EpisodeProtocol Protocol { get; init; } = EpisodeProtocol.TaleForge;

    /// <summary>False when the backend cannot promise byte-identical replays (a GPU backend, say).</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>Set when this trajectory re-plays another with one character's decisions made by a different model.</summary>
    public SwapReference? Swap { get; init; }

    /// <summary>Candidate turns sampled per character turn, a judge picking the one played; absent when one (the turn as asked).</summary>
    public int? Candidates { get; init; }

    /// <summary>The prompt templates the models were asked with: absent for the built-in ones, else "FOLDER sha256:HASH" of the researcher's.</summary>
    public string? Prompts { get; init; }
}

/// <summary>What a swapped re-play was made from: the original trajectory, the character, and its new model.</summary>
public sealed record SwapReference(string Trajectory, string Character, ModelReference Model)
{
    /// <summary>
    /// The recorded models asked again wherever a prompt changed (what depends on the swapped character's actions:
    /// influence, reactions, results, updates, environment); empty when the recording answered everything as it was.
    /// </summary>
    public ImmutableArray<string> Reasked { get; init; } = [];
}

/// <summary>The world an episode was played in: its id, title, where it was loaded from, and a hash of its content.</summary>
public sealed record WorldReference(string Id, string Title, string Source, string Hash)
{
    /// <summary>A world as opened from its source, recorded with its full path so a re-run finds it from anywhere.</summary>
    public static WorldReference Of(OpenedWorld opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        var info = opened.Definition.Info;
        return new WorldReference(info.Id, info.Title, opened.Source.Absolute().ToString(), opened.Hash);
    }

    /// <summary>
    /// The world as the recording at <paramref name="recording"/> (a trajectory, a save's trajectory) names it, to
    /// open and check it with (<see cref="WorldRecording.Open"/>): the one way a recorded world is found again.
    /// </summary>
    public WorldRecording RecordedIn(string recording)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recording);
        return new WorldRecording(recording, Id, Source, Hash);
    }
}

/// <summary>A model as a role used it: a local file (name, size, hash) or a remote model, with the backend's settings.</summary>
public sealed record ModelReference
{
    /// <summary>The narrator, "characters" (every character a model plays), or one character (an override).</summary>
    public required Role Role { get; init; }

    /// <summary>The model file's name, or the model id a remote endpoint serves.</summary>
    public required string File { get; init; }
    public long Bytes { get; init; }
    public string Sha256 { get; init; } = "";
    public string Backend { get; init; } = "";

    /// <summary>Where a remote model was served; null for a local file.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Backend settings by llama.cpp's names (ctx_size, n_gpu_layers, parallel, threads); older files also hold temp and top_p.</summary>
    public ImmutableSortedDictionary<string, string> Parameters { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The entry for a role played by the model a backend names.</summary>
    public static ModelReference Of(Role role, BackendReference backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new ModelReference
        {
            Role = role,
            File = backend.Model,
            Bytes = backend.Bytes,
            Sha256 = backend.Sha256,
            Backend = backend.Backend,
            Endpoint = backend.Endpoint,
            Parameters = backend.Settings,
        };
    }

    public bool Equals(ModelReference? other) =>
        other is not null && Role == other.Role && File == other.File && Bytes == other.Bytes && Sha256 == other.Sha256
        && Backend == other.Backend && Endpoint == other.Endpoint
        && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var value) && value == p.Value);

    public override int GetHashCode() => HashCode.Combine(Role, File, Sha256);
}
