using System.Collections.Immutable;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>What a verification found: identical, or the first record where the re-run differs.</summary>
public sealed record VerificationResult(int Compared, RecordDifference? FirstDifference, ImmutableArray<string> Notes)
{
    public bool Identical => FirstDifference is null;
}

/// <summary>
/// Re-runs a recorded episode (same world, cast, seed, start scene, limits; the human's decisions fed back in the
/// order they were made, undo and retry included) and compares the re-run with the record, record by record
/// along the main branch, timings aside.
/// </summary>
public static class Verification
{
    /// <param name="world">The world as opened (<see cref="RecordedWorld.Open"/>); it must be the one the header names.</param>
    /// <param name="cast">The cast the header describes: the same models for the same roles, or authored agents.</param>
    /// <param name="keep">Where to keep the re-run's trajectory; null: a temporary file, deleted afterwards.</param>
    public static async Task<VerificationResult> RunAsync(
        TrajectoryFile original, OpenedWorld opened, Cast cast, string? keep = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(cast);
        var world = RecordedWorld.Of(original).Check(opened).Definition;
        if (cast.Player != original.Header.Player)
        {
            throw new TaleForgeException($"the cast plays '{cast.Player ?? "no one"}', but the recording's player is '{original.Header.Player ?? "no one"}'.");
        }
        var output = keep ?? Path.Combine(Path.GetTempPath(), $"taleforge-verify-{Guid.NewGuid():N}.jsonl");
        try
        {
            var notes = await EpisodeRerun.RunAsync(world, cast, EpisodeSpec.Of(original.Header),
                RecordedPlayer.WholeTree(original), output, cancellation);
            var rerun = TrajectoryFile.Read(output);
            var (compared, difference) = TrajectoryComparison.FirstDifference(original, rerun);
            return new VerificationResult(compared, difference, [.. notes]);
        }
        finally
        {
            if (keep is null)
            {
                File.Delete(output);
            }
        }
    }
}
