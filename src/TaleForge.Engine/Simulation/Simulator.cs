using System.Collections.Immutable;
using System.Diagnostics;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Simulation;

/// <summary>
/// Runs episodes with no one at the keyboard, every character an agent, each writing its trajectory. Several
/// episodes may run at once: with one shared model client their requests are decoded together.
/// </summary>
public static class Simulator
{
    /// <param name="castFor">The cast for a world (all characters agents; the player is null); the spec decides the director.</param>
    /// <param name="taleforgeVersion">The version the trajectory headers name.</param>
    /// <param name="manifest">Told when each episode starts and how it ends, so a run can be resumed.</param>
    /// <returns>The episodes that finished. One that failed fails the whole call, once every other has ended.</returns>
    public static async Task<ImmutableArray<EpisodeResult>> RunAsync(
        IReadOnlyList<Episode> episodes,
        Func<WorldDefinition, Cast> castFor,
        string taleforgeVersion,
        string folder,
        int parallel,
        IProgress<EpisodeProgress>? progress = null,
        CancellationToken cancellation = default,
        RunManifest? manifest = null)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(castFor);
        ArgumentException.ThrowIfNullOrEmpty(taleforgeVersion);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        Directory.CreateDirectory(folder);
        using var slots = new SemaphoreSlim(parallel);
        var runs = episodes.Select(async episode =>
        {
            await slots.WaitAsync(cancellation);
            try
            {
                var cast = castFor(episode.World) with { Director = episode.Spec.Director };
                return await RunOneAsync(episode, cast, taleforgeVersion, folder, progress, manifest, cancellation);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return [.. await Task.WhenAll(runs)];
    }

    private static async Task<EpisodeResult> RunOneAsync(
        Episode episode, Cast cast, string taleforgeVersion, string folder, IProgress<EpisodeProgress>? progress, RunManifest? manifest,
        CancellationToken cancellation)
    {
        var path = Path.Combine(folder, episode.Trajectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var world = episode.World;
        manifest?.Started(episode);
        var clock = Stopwatch.StartNew();
        GameSession? session = null;
        try
        {
            using (var writer = TrajectoryWriter.Create(path, episode.Spec.Header(taleforgeVersion, DateTimeOffset.UtcNow)))
            {
                session = new GameSession(world, cast, episode.Spec.SessionOptions(writer));
                var playing = session;
                playing.EventAppended += (_, entry) =>
                {
                    if (entry.Event is WorldEvent.RoundStarted or WorldEvent.SceneStarted)
                    {
                        progress?.Report(new EpisodeProgress(episode.Name, entry.Scene, entry.Round, playing.Log.Count, EpisodeStatus.Running));
                    }
                };
                await session.RunAsync(cancellation);
            }
            var result = new EpisodeResult(
                episode.Name,
                path,
                session.Log.Count,
                session.Calls.Count,
                session.Calls.Count(c => c.Failure is not null),
                session.Log.Count(e => e.Event is WorldEvent.RoundStarted),
                session.State.Ending ?? "",
                clock.Elapsed,
                TimeSpan.FromMilliseconds(session.Calls.Sum(c => c.Milliseconds)));
            manifest?.Finished(episode, result);
            progress?.Report(new EpisodeProgress(episode.Name, session.State.Scene?.Id ?? "", session.State.Scene?.Round ?? 0, result.Events, EpisodeStatus.Finished, result));
            return result;
        }
        catch (OperationCanceledException)
        {
            manifest?.Stopped(episode, EpisodeStatus.Interrupted, clock.Elapsed, null);
            progress?.Report(new EpisodeProgress(episode.Name, "", 0, session?.Log.Count ?? 0, EpisodeStatus.Interrupted));
            throw;
        }
        catch (Exception e)
        {
            manifest?.Stopped(episode, EpisodeStatus.Failed, clock.Elapsed, e.Message);
            progress?.Report(new EpisodeProgress(episode.Name, "", 0, session?.Log.Count ?? 0, EpisodeStatus.Failed, Error: e.Message));
            throw;
        }
    }
}
