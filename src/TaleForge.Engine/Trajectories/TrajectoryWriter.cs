using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Core.Narration;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// Writes a trajectory as JSON Lines: the header, then one line per event, model call and checkpoint, each
/// flushed as it is written, so a crash loses at most the line being written. Append-only: nothing is rewritten.
/// </summary>
public sealed class TrajectoryWriter : ITrajectorySink, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private WorldState? _state;

    private TrajectoryWriter(StreamWriter writer) => _writer = writer;

    /// <summary>Creates the file (refusing to overwrite one) and writes the header line.</summary>
    public static TrajectoryWriter Create(string path, TrajectoryHeader header)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        var writer = new TrajectoryWriter(new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" });
        writer.WriteLine(JsonSerializer.SerializeToNode(header, TrajectoryJson.Options)!);
        return writer;
    }

    /// <summary>
    /// Opens an existing trajectory to write more records after it (a resumed play-through). A last line cut short
    /// by a crash is removed first, so new lines never join a broken one.
    /// </summary>
    public static TrajectoryWriter Append(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            stream.SetLength(CompleteLength(stream));
            stream.Seek(0, SeekOrigin.End);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return new TrajectoryWriter(new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" });
    }

    /// <summary>The length of the file up to and including its last newline.</summary>
    private static long CompleteLength(FileStream stream)
    {
        var buffer = new byte[4096];
        var end = stream.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            stream.Seek(start, SeekOrigin.Begin);
            var read = stream.Read(buffer, 0, (int)(end - start));
            var newline = Array.LastIndexOf(buffer, (byte)'\n', read - 1, read);
            if (newline >= 0)
            {
                return start + newline + 1;
            }
            end = start;
        }
        return 0;
    }

    /// <summary>Forces what has been written onto the disk, so a snapshot never points past it.</summary>
    public void Sync()
    {
        lock (_gate)
        {
            _writer.Flush();
            ((FileStream)_writer.BaseStream).Flush(flushToDisk: true);
        }
    }

    /// <summary>Gives the writer the state events apply to, so each event line can carry its narrator-view text.</summary>
    public void Attach(WorldState initial) => _state = initial;

    public void Event(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string? text = null;
        if (_state is not null)
        {
            _state = _state.Apply(entry.Event);
            text = EventText.Describe(entry.Event, _state, viewer: null);
        }
        var line = new JsonObject
        {
            ["record"] = "event",
            ["step"] = entry.Step,
            ["parent"] = entry.Parent,
            ["scene"] = entry.Scene,
            ["round"] = entry.Round,
            ["phase"] = JsonSerializer.SerializeToNode(entry.Phase, TrajectoryJson.Options),
            ["time"] = entry.Time.ToString(),
            ["actor"] = entry.Actor,
            ["observers"] = new JsonArray([.. entry.Observed.Observers.Select(o => (JsonNode)o!)]),
            ["event"] = JsonSerializer.SerializeToNode(entry.Event, TrajectoryJson.Options),
            ["text"] = text,
        };
        WriteLine(line);
    }

    public void ModelCall(ModelCall call, long? parent, string scene, int round)
    {
        ArgumentNullException.ThrowIfNull(call);
        var line = new JsonObject
        {
            ["record"] = "call",
            ["step"] = call.Call.Step,
            ["parent"] = parent,
            ["scene"] = scene,
            ["round"] = round,
            ["phase"] = JsonSerializer.SerializeToNode(call.Call.Phase, TrajectoryJson.Options),
            ["role"] = call.Call.Role,
            ["seed"] = call.Call.Seed,
            ["model"] = call.Model,
            ["schema"] = call.Schema,
            ["prompt"] = JsonSerializer.SerializeToNode(call.Prompt, TrajectoryJson.Options),
            ["raw"] = call.Raw,
            ["parsed"] = call.Parsed?.DeepClone(),
            ["tokens"] = new JsonObject { ["prompt"] = call.PromptTokens, ["completion"] = call.CompletionTokens },
            ["ms"] = Math.Round(call.Milliseconds, 3),
            ["attempts"] = JsonSerializer.SerializeToNode(call.Attempts, TrajectoryJson.Options),
            ["failure"] = call.Failure,
        };
        WriteLine(line);
    }

    public void Checkpoint(long step, long? parent, NarratorState narrator, long nextStep, WorldState state)
    {
        // After an undo the state at the checkpoint is an earlier one: later event texts must follow from it.
        _state = state;
        var line = new JsonObject
        {
            ["record"] = "checkpoint",
            ["step"] = step,
            ["parent"] = parent,
            ["next_step"] = nextStep,
            ["narrator"] = JsonSerializer.SerializeToNode(narrator, TrajectoryJson.Options),
        };
        WriteLine(line);
    }

    private void WriteLine(JsonNode line)
    {
        lock (_gate)
        {
            _writer.Write(line.ToJsonString(TrajectoryJson.Options));
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
