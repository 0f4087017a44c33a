using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>Plays a recorded episode again, with the recorded settings, into a new trajectory file.</summary>
internal static class EpisodeRerun
{
    /// <returns>Notes on recorded player decisions that did not fit the re-run.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(
        WorldDefinition world, Cast cast, TrajectoryHeader header, RecordedPlayer player, string output, CancellationToken cancellation)
    {
        using var writer = TrajectoryWriter.Create(output, header);
        var session = new GameSession(world, cast, header.SessionOptions(writer));
        return await player.PlayAsync(session, cancellation);
    }
}
