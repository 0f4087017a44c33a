using System.Collections.Immutable;
using System.Text.Json;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Saves;

/// <summary>
/// A save read back and checked: the trajectory, the checkpoint to resume from, and anything that had to be
/// repaired on the way (a last line cut short, a damaged snapshot), each said plainly.
/// </summary>
public sealed record SavedGame(string Folder, TrajectoryFile Trajectory, long Head, SaveSnapshot? Snapshot, ImmutableArray<string> Warnings)
{
    public TrajectoryHeader Header => Trajectory.Header;

    /// <summary>The world as the save names it, to open and check it with (<see cref="WorldRecording.Open"/>).</summary>
    public WorldRecording World => Header.World.RecordedIn(Trajectory.Path);

    /// <summary>Reads and checks a save folder. Damage it can survive becomes a warning; anything else an error that says what to do.</summary>
    public static SavedGame Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var trajectoryPath = Path.Combine(folder, SaveSlot.TrajectoryFileName);
        if (!File.Exists(trajectoryPath))
        {
            throw new TaleForgeException($"{folder} is not a save: it has no {SaveSlot.TrajectoryFileName}. List saves with 'taleforge saves'.");
        }
        var trajectory = TrajectoryFile.Read(trajectoryPath);
        var warnings = ImmutableArray.CreateBuilder<string>();
        warnings.AddRange(trajectory.Warnings);
        var lastCheckpoint = trajectory.Checkpoints.LastOrDefault()
            ?? throw new TaleForgeException($"{trajectoryPath} holds no completed turn to resume from; start a new game.");

        // The trajectory's last checkpoint is the last completed turn; the snapshot is a cache of it. One that
        // names an earlier checkpoint was not yet replaced when the process stopped, and is set aside.
        var snapshot = ReadSnapshot(folder, warnings);
        var head = lastCheckpoint.Step;
        if (snapshot is not null)
        {
            if (snapshot.WorldHash != trajectory.Header.World.Hash)
            {
                throw new TaleForgeException($"{folder}: the snapshot and the trajectory name different worlds; the save is damaged. Restore the folder from a backup.");
            }
            if (snapshot.Head != head || snapshot.NextStep != lastCheckpoint.NextStep)
            {
                if (!trajectory.Checkpoints.Any(c => c.Step == snapshot.Head))
                {
                    warnings.Add($"{folder}: the snapshot points at step {snapshot.Head}, which the trajectory does not hold; resuming from its last checkpoint (step {head}).");
                }
                snapshot = null;
            }
        }
        return new SavedGame(folder, trajectory, head, snapshot, warnings.ToImmutable());
    }

    /// <summary>
    /// Checks the save against the world it is played in: the world must be the one it was saved with, and folding
    /// the trajectory must give back the state the snapshot recorded.
    /// </summary>
    public void CheckAgainst(OpenedWorld opened)
    {
        var world = CheckWorld(opened);
        CheckState(WorldState.Initial(world).Apply(Trajectory.PathTo(Head).Select(e => e.Event)));
    }

    /// <summary>
    /// Continues the game where the save stands: the world is checked, the trajectory is folded once into the
    /// session, and the session's state is checked against the snapshot.
    /// </summary>
    public GameSession Resume(OpenedWorld opened, Cast cast, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var world = CheckWorld(opened);
        var session = GameSession.Resume(world, cast, Trajectory, Head, options);
        CheckState(session.State);
        return session;
    }

    /// <summary>
    /// Refuses a world other than the one the save was played in (checked before anything is written into the
    /// save), through the one check every recording uses; the hash the world was opened with is not computed again.
    /// </summary>
    /// <returns>The world to play the save in.</returns>
    public WorldDefinition CheckWorld(OpenedWorld opened)
    {
        var world = World.Check(opened, option: null).Definition;
        Trajectory.CheckPlayerIn(world);
        return world;
    }

    private void CheckState(WorldState state)
    {
        if (Snapshot is not null && StateDigest.Of(state) != Snapshot.StateDigest)
        {
            throw new TaleForgeException($"{Folder}: replaying the trajectory does not give the state the snapshot recorded; the save is damaged. Restore it from a backup.");
        }
    }

    private static SaveSnapshot? ReadSnapshot(string folder, ImmutableArray<string>.Builder warnings)
    {
        var path = Path.Combine(folder, SaveSlot.SnapshotFileName);
        if (!File.Exists(path))
        {
            warnings.Add($"{path} is missing; resuming from the last checkpoint in the trajectory.");
            return null;
        }
        try
        {
            var snapshot = JsonSerializer.Deserialize<SaveSnapshot>(File.ReadAllBytes(path), TrajectoryJson.Options);
            if (snapshot?.Format != SaveSnapshot.CurrentFormat)
            {
                throw new TaleForgeException($"{path} is in format '{snapshot?.Format}', but this TaleForge reads '{SaveSnapshot.CurrentFormat}'; use the version that wrote it.");
            }
            return snapshot;
        }
        catch (JsonException e)
        {
            warnings.Add($"{path} is damaged ({e.Message}); resuming from the last checkpoint in the trajectory.");
            return null;
        }
    }
}
