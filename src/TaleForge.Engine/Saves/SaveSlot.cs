using System.Text.Json;
using TaleForge.Core;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Saves;

/// <summary>
/// A saved game: a folder holding the play-through's trajectory (append-only) and a snapshot (replaced atomically
/// after every turn). A process killed at any moment leaves the previous snapshot and every complete line of the
/// trajectory intact, so the game can always be resumed from its last completed turn.
/// </summary>
public sealed class SaveSlot : ITrajectorySink, IDisposable
{
    public const string TrajectoryFileName = "trajectory.jsonl";
    public const string SnapshotFileName = "snapshot.json";

    private readonly TrajectoryWriter _writer;
    private readonly TrajectoryHeader _header;

    private SaveSlot(string folder, TrajectoryWriter writer, TrajectoryHeader header)
    {
        Folder = folder;
        _writer = writer;
        _header = header;
    }

    public string Folder { get; }
    public string Name => System.IO.Path.GetFileName(Folder);
    public string TrajectoryPath => System.IO.Path.Combine(Folder, TrajectoryFileName);
    public string SnapshotPath => System.IO.Path.Combine(Folder, SnapshotFileName);

    /// <summary>A new save in a folder that must not exist yet (or be empty): nothing is ever overwritten.</summary>
    public static SaveSlot Create(string folder, TrajectoryHeader header)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(header);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new TaleForgeException($"a save already exists in {folder}; choose another name (saves are never overwritten).");
        }
        Directory.CreateDirectory(folder);
        var writer = TrajectoryWriter.Create(System.IO.Path.Combine(folder, TrajectoryFileName), header);
        return new SaveSlot(folder, writer, header);
    }

    /// <summary>Continues writing an existing save (the session resumed from it holds the state).</summary>
    public static SaveSlot Continue(string folder, TrajectoryHeader header)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(header);
        var writer = TrajectoryWriter.Append(System.IO.Path.Combine(folder, TrajectoryFileName));
        return new SaveSlot(folder, writer, header);
    }

    public void Event(AppliedEvent applied) => _writer.Event(applied);

    public void ModelCall(ModelCall call, long? parent, string scene, int round) => _writer.ModelCall(call, parent, scene, round);

    /// <summary>Autosave: the checkpoint line, forced to disk, then the snapshot swapped in atomically.</summary>
    public void Checkpoint(long step, long? parent, NarratorState narrator, long nextStep, WorldState state)
    {
        _writer.Checkpoint(step, parent, narrator, nextStep, state);
        _writer.Sync();
        WriteSnapshot(step, nextStep, narrator, state);
    }

    private void WriteSnapshot(long step, long nextStep, NarratorState narrator, WorldState state)
    {
        var snapshot = new SaveSnapshot
        {
            WorldId = _header.World.Id,
            WorldTitle = _header.World.Title,
            WorldHash = _header.World.Hash,
            Head = step,
            NextStep = nextStep,
            Narrator = narrator,
            StateDigest = StateDigest.Of(state),
            SavedAt = DateTimeOffset.UtcNow,
            Player = _header.Player,
            Scene = state.Scene?.Id ?? "",
            Round = state.Scene?.Round ?? 0,
            Finished = state.IsOver,
        };
        AtomicFile.Write(SnapshotPath, JsonSerializer.SerializeToUtf8Bytes(snapshot, TrajectoryJson.Options));
    }

    public void Dispose() => _writer.Dispose();
}
