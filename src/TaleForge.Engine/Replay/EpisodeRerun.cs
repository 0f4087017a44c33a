using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>Plays a recorded episode again, from its spec, into a new trajectory file.</summary>
internal static class EpisodeRerun
{
    /// <remarks>
    /// The new header names the running version, not the recording's: this version made the re-run, and a recording
    /// may name none at all. Comparing a re-run with its recording reads the records, not the headers.
    /// </remarks>
    /// <returns>Notes on recorded player decisions that did not fit the re-run.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(
        WorldDefinition world, Cast cast, EpisodeSpec spec, RecordedPlayer player, string output, CancellationToken cancellation)
    {
        using var writer = TrajectoryWriter.Create(output, spec.Header(TaleForgeVersion.Running, DateTimeOffset.UtcNow));
        var session = new GameSession(world, cast, spec.SessionOptions(writer));
        return await player.PlayAsync(session, cancellation);
    }
}
