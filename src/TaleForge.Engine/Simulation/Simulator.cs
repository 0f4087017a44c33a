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
    /// <param name="castFor">The cast for a world (all characters agents; the player is null).</param>
    /// <param name="header">The trajectory header for an episode, before its world, seed and limits are filled in.</param>
    public static async Task<ImmutableArray<EpisodeResult>> RunAsync(
        IReadOnlyList<Episode> episodes,
        Func<WorldDefinition, Cast> castFor,
        TrajectoryHeader header,
        string folder,
        int parallel,
        IProgress<EpisodeProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(castFor);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        Directory.CreateDirectory(folder);
        using var slots = new SemaphoreSlim(parallel);
        var runs = episodes.Select(async episode =>
        {
            await slots.WaitAsync(cancellation);
            try
            {
                return await RunOneAsync(episode, castFor(episode.World), header, folder, progress, cancellation);
            }
            finally
            {
                slots.Release();
            }
        });
        return [.. await Task.WhenAll(runs)];
    }

    private static async Task<EpisodeResult> RunOneAsync(
        Episode episode, Cast cast, TrajectoryHeader header, string folder, IProgress<EpisodeProgress>? progress, CancellationToken cancellation)
    {
        var path = Path.Combine(folder, episode.Name + ".jsonl");
        var world = episode.World;
        using var writer = TrajectoryWriter.Create(path, header with
        {
            World = new WorldReference(world.Info.Id, world.Info.Title, episode.Source, WorldHash.Of(world)),
            Seed = episode.Seed,
            Player = null,
            Mode = cast.IsAuthored ? "authored" : "model",
            StartScene = episode.Scene,
            RoundLimit = episode.Rounds,
            StopAfterScene = episode.OnlyThisScene,
            Director = cast.Director,
        });
        writer.Attach(WorldState.Initial(world));
        var session = new GameSession(world, cast, new SessionOptions
        {
            Seed = episode.Seed,
            Trajectory = writer,
            StartScene = episode.Scene,
            StopAfterScene = episode.OnlyThisScene,
            RoundLimit = episode.Rounds,
        });
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
