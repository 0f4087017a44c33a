using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>Plays a recorded episode again, from its spec, into a new trajectory file.</summary>
internal static class EpisodeRerun
{
    /// <param name="taleforge">The version the new header names (the recording's, so the files compare).</param>
    /// <returns>Notes on recorded player decisions that did not fit the re-run.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(
        WorldDefinition world, Cast cast, EpisodeSpec spec, string taleforge, RecordedPlayer player, string output, CancellationToken cancellation)
    {
        using var writer = TrajectoryWriter.Create(output, spec.Header(taleforge, DateTimeOffset.UtcNow));
        var session = new GameSession(world, cast, spec.SessionOptions(writer));
        return await player.PlayAsync(session, cancellation);
    }
}
