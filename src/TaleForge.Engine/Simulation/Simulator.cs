using System.Collections.Immutable;
using System.Diagnostics;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;
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
    public static async Task<ImmutableArray<EpisodeResult>> RunAsync(
        IReadOnlyList<Episode> episodes,
        Func<WorldDefinition, Cast> castFor,
        string taleforgeVersion,
        string folder,
        int parallel,
        IProgress<EpisodeProgress>? progress = null,
        CancellationToken cancellation = default)
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
                return await RunOneAsync(episode, cast, taleforgeVersion, folder, progress, cancellation);
            }
            finally
            {
                slots.Release();
            }
        });
        return [.. await Task.WhenAll(runs)];
    }

    private static async Task<EpisodeResult> RunOneAsync(
        Episode episode, Cast cast, string taleforgeVersion, string folder, IProgress<EpisodeProgress>? progress, CancellationToken cancellation)
    {
        var path = Path.Combine(folder, episode.Name + ".jsonl");
        var world = episode.World;
        using var writer = TrajectoryWriter.Create(path, episode.Spec.Header(taleforgeVersion, DateTimeOffset.UtcNow));
        var session = new GameSession(world, cast, episode.Spec.SessionOptions(writer));
        session.EventAppended += (_, entry) =>
        {
            if (entry.Event is WorldEvent.RoundStarted or WorldEvent.SceneStarted or WorldEvent.StoryEnded)
            {
                progress?.Report(new EpisodeProgress(episode.Name, entry.Scene, entry.Round, session.Log.Count, entry.Event is WorldEvent.StoryEnded));
            }
        };

        var clock = Stopwatch.StartNew();
        await session.RunAsync(cancellation);
        return new EpisodeResult(
            episode.Name,
            path,
            session.Log.Count,
            session.Calls.Count,
            session.Calls.Count(c => c.Failure is not null),
            session.Log.Count(e => e.Event is WorldEvent.RoundStarted),
            session.State.Ending ?? "",
            clock.Elapsed,
            TimeSpan.FromMilliseconds(session.Calls.Sum(c => c.Milliseconds)));
    }
}
