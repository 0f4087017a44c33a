using System.Collections.Immutable;
using System.Text.Json;
using TaleForge.Core;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Simulation;

/// <summary>
/// The list of a run's episodes, kept in <c>manifest.json</c> beside their trajectories and rewritten atomically
/// each time an episode starts or ends, so a run killed at any moment leaves a manifest that says which episodes
/// finished; <see cref="Open"/> with resume skips those and redoes the rest.
/// </summary>
public sealed class RunManifest
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(TrajectoryJson.Options) { WriteIndented = true };
    private readonly Lock _gate = new();
    private readonly string _folder;
    private readonly List<ManifestEntry> _entries;

    private RunManifest(string folder, List<ManifestEntry> entries)
    {
        _folder = folder;
        _entries = entries;
    }

    public string Path => System.IO.Path.Combine(_folder, FileName);

    public ImmutableArray<ManifestEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>
    /// The manifest for running <paramref name="plan"/> in <paramref name="folder"/>, and the episodes still to run.
    /// A new run refuses a folder that already holds one; a resumed run keeps the episodes that finished with the
    /// very spec planned now and removes what unfinished ones left behind, so they start afresh.
    /// </summary>
    public static (RunManifest Manifest, ImmutableArray<Episode> ToRun) Open(string folder, IReadOnlyList<Episode> plan, bool resume)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(plan);
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, FileName);
        var recorded = File.Exists(path) ? Read(path) : [];
        if (!resume)
        {
            if (recorded.Length > 0)
            {
                throw new TaleForgeException($"{folder} already holds a run ({path}); pass --resume to finish it, or choose another --out folder.");
            }
            if (plan.Select(e => System.IO.Path.Combine(folder, e.Trajectory)).FirstOrDefault(File.Exists) is { } existing)
            {
                throw new TaleForgeException($"{existing} already exists; trajectories are never overwritten. Choose another --out folder or --seed.");
            }
        }

        var byTrajectory = recorded.ToDictionary(e => e.Trajectory, StringComparer.Ordinal);
        var entries = new List<ManifestEntry>(recorded.Where(e => !plan.Any(p => p.Trajectory == e.Trajectory)));
        var toRun = ImmutableArray.CreateBuilder<Episode>();
        foreach (var episode in plan)
        {
            var file = System.IO.Path.Combine(folder, episode.Trajectory);
            if (byTrajectory.TryGetValue(episode.Trajectory, out var entry) && entry.Status == EpisodeStatus.Finished && File.Exists(file))
            {
                CheckSameEpisode(file, episode.Spec);
                entries.Add(entry);
                continue;
            }
            if (File.Exists(file))
            {
                if (entry is null)
                {
                    throw new TaleForgeException($"{file} is not listed in {path}, so it is not this run's to redo; move it away, or choose another --out folder.");
                }
                File.Delete(file);
            }
            entries.Add(Pending(episode));
            toRun.Add(episode);
        }
        var manifest = new RunManifest(folder, entries);
        manifest.Save();
        return (manifest, toRun.ToImmutable());
    }

    /// <summary>Reads a manifest: a run's folder or the manifest file itself.</summary>
    public static ImmutableArray<ManifestEntry> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Directory.Exists(path) ? System.IO.Path.Combine(path, FileName) : path;
        try
        {
            var document = JsonSerializer.Deserialize<Document>(File.ReadAllText(file), Json);
            return document?.Episodes ?? [];
        }
        catch (JsonException e)
        {
            throw new TaleForgeException($"{file} is not a run manifest ({e.Message}); restore it, or start the run again in another --out folder.");
        }
    }

    public void Started(Episode episode) => Update(episode, e => e with { Status = EpisodeStatus.Running, Started = DateTimeOffset.UtcNow });

    public void Finished(Episode episode, EpisodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Update(episode, e => e with
        {
            Status = EpisodeStatus.Finished,
            Seconds = Math.Round(result.Wall.TotalSeconds, 3),
            Rounds = result.Rounds,
            Events = result.Events,
            ModelCalls = result.ModelCalls,
            FailedCalls = result.FailedCalls,
            Ending = result.Ending,
            Error = null,
        });
    }

    public void Stopped(Episode episode, EpisodeStatus status, TimeSpan wall, string? error) =>
        Update(episode, e => e with { Status = status, Seconds = Math.Round(wall.TotalSeconds, 3), Error = error });

    private void Update(Episode episode, Func<ManifestEntry, ManifestEntry> change)
    {
        ArgumentNullException.ThrowIfNull(episode);
        lock (_gate)
        {
            var index = _entries.FindIndex(e => e.Trajectory == episode.Trajectory);
            if (index < 0)
            {
                _entries.Add(change(Pending(episode)));
            }
            else
            {
                _entries[index] = change(_entries[index]);
            }
            Save();
        }
    }

    /// <summary>Writes the manifest; callers hold the gate (or own the manifest alone, while opening it).</summary>
    private void Save()
    {
        var document = new Document { Episodes = [.. _entries], Updated = DateTimeOffset.UtcNow };
        AtomicFile.Write(Path, JsonSerializer.SerializeToUtf8Bytes(document, Json));
    }

    private static ManifestEntry Pending(Episode episode)
    {
        var spec = episode.Spec;
        var parts = episode.Name.Split('/');
        return new ManifestEntry
        {
            Trajectory = episode.Trajectory,
            Work = episode.World.Info.Id,
            Scene = parts.Length >= 3 ? parts[^2] : spec.StartScene ?? "story",
            Seed = spec.Seed,
            Status = EpisodeStatus.Pending,
            Models = spec.IsAuthored ? "authored" : string.Join("; ", spec.Models.Select(m => $"{m.Role}: {m.File}")),
            Protocol = JsonSerializer.Serialize(spec.Protocol, TrajectoryJson.Options).Trim('"'),
        };
    }

    private static void CheckSameEpisode(string file, EpisodeSpec planned)
    {
        var recorded = EpisodeSpec.Of(TrajectoryFile.Read(file).Header);
        if (!recorded.Equals(planned))
        {
            throw new TaleForgeException(
                $"{file} was played with other options than this command gives (world, seed, rounds, models, sampling or protocol differ); resume with the same sources and options, or choose another --out folder.");
        }
    }

    private sealed record Document
    {
        public string Format { get; init; } = "taleforge-run/1";
        public DateTimeOffset Updated { get; init; }
        public ImmutableArray<ManifestEntry> Episodes { get; init; } = [];
    }
}
