using System.Text.Json;
using TaleForge.Core;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Saves;

/// <summary>
/// A saved game: a folder holding the play-through's trajectory (append-only, the authority on the last completed
/// turn) and a snapshot (a cache for listings, replaced atomically after every turn). A new save is written in a
/// hidden folder and takes its name at its first completed turn, so a process killed before that leaves no save;
/// killed later, it leaves every complete line of the trajectory, and the game resumes from its last checkpoint.
/// </summary>
public sealed class SaveSlot : ITrajectorySink, IDisposable
{
    public const string TrajectoryFileName = "trajectory.jsonl";
    public const string SnapshotFileName = "snapshot.json";

    private readonly TrajectoryWriter _writer;
    private readonly TrajectoryHeader _header;
    private readonly string _name;

    /// <summary>The hidden folder a new save is written in until its first checkpoint; null once it has its name.</summary>
    private string? _staging;

    private SaveSlot(string folder, TrajectoryWriter writer, TrajectoryHeader header, string? staging = null)
    {
        _name = System.IO.Path.GetFileName(folder);
        Folder = staging ?? folder;
        _staging = staging is null ? null : folder;
        _writer = writer;
        _header = header;
    }

    /// <summary>Where the save's files are now: its own folder, or the hidden one before its first completed turn.</summary>
    public string Folder { get; private set; }

    public string Name => _name;
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
        var full = System.IO.Path.GetFullPath(folder);
        var parent = System.IO.Path.GetDirectoryName(full) ?? full;
        var staging = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(full)}{SaveLeftovers.StagingMarker}{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
        try
        {
            var writer = TrajectoryWriter.Create(System.IO.Path.Combine(staging, TrajectoryFileName), header);
            return new SaveSlot(full, writer, header, staging);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    /// <summary>Continues writing an existing save (the session resumed from it holds the state).</summary>
    public static SaveSlot Continue(string folder, TrajectoryHeader header)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(header);
        SaveLeftovers.Sweep(folder);
        var writer = TrajectoryWriter.Append(System.IO.Path.Combine(folder, TrajectoryFileName));
        return new SaveSlot(folder, writer, header);
    }

    public void Event(AppliedEvent applied) => Saving(() => _writer.Event(applied));

    public void ModelCall(ModelCall call, long? parent, string scene, int round) => Saving(() => _writer.ModelCall(call, parent, scene, round));

    /// <summary>
    /// Autosave: the checkpoint line, forced to disk (from then on the turn is saved), then the snapshot swapped
    /// in atomically; a new save takes its name here, at its first completed turn.
    /// </summary>
    public void Checkpoint(long step, long? parent, NarratorState narrator, long nextStep, WorldState state)
    {
        Saving(() =>
        {
            _writer.Checkpoint(step, parent, narrator, nextStep, state);
            _writer.Sync();
            WriteSnapshot(step, nextStep, narrator, state);
            if (_staging is { } named)
            {
                // An empty folder of that name (made by hand, say) is taken over; anything else was refused at Create.
                if (Directory.Exists(named) && !Directory.EnumerateFileSystemEntries(named).Any())
                {
                    Directory.Delete(named);
                }
                Directory.Move(Folder, named);
                Folder = named;
                _staging = null;
            }
        });
    }

    /// <summary>A write the disk refused (full, gone read-only) is said plainly, with where the game stands.</summary>
    private void Saving(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaleForgeException(
                $"the game could not be saved in {Folder} ({e.Message}); the turns saved before this one are kept. Free space or fix the folder, then continue with 'taleforge play --continue'.", e);
        }
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

    public void Dispose()
    {
        _writer.Dispose();
        // A game left before its first completed turn leaves no save behind.
        if (_staging is not null && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
