using System.Buffers;
using System.Collections.Immutable;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// Writes a trajectory as JSON Lines: the header, then one line per event, model call and checkpoint, each
/// flushed as it is written, so a crash loses at most the line being written. Append-only: nothing is rewritten.
/// </summary>
public sealed class TrajectoryWriter : ITrajectorySink, IDisposable
{
    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Lock _gate = new();

    private TrajectoryWriter(Stream stream) => _stream = stream;

    /// <summary>Creates the file (refusing to overwrite one) and writes the header line.</summary>
    public static TrajectoryWriter Create(string path, TrajectoryHeader header)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1);
        var writer = new TrajectoryWriter(stream);
        writer.WriteLine(System.Text.Encoding.UTF8.GetBytes(TrajectoryLines.Of(header)));
        return writer;
    }

    /// <summary>
    /// Opens an existing trajectory to write more records after it (a resumed play-through). A last line cut short
    /// by a crash is removed first, so new lines never join a broken one.
    /// </summary>
    public static TrajectoryWriter Append(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 1);
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
        return new TrajectoryWriter(stream);
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
            stream.ReadExactly(buffer, 0, (int)(end - start));
            var newline = Array.LastIndexOf(buffer, (byte)'\n', (int)(end - start) - 1, (int)(end - start));
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
            _stream.Flush();
            if (_stream is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }
        }
    }

    /// <summary>
    /// An event line, with its text as the narrator tells it and as each observer perceived it, taken from the
    /// applied event: the writer keeps no state of its own.
    /// </summary>
    public void Event(AppliedEvent applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var entry = applied.Entry;
        var text = applied.Narration;
        var observations = Observations(applied, text);
        lock (_gate)
        {
            Write(new EventRecord(entry.Step, entry.Parent, 0)
            {
                Scene = entry.Scene,
                Round = entry.Round,
                Phase = entry.Phase,
                Time = entry.Time.ToString(),
                Actor = entry.Actor,
                Observers = entry.Observed.Observers,
                Event = entry.Event,
                Text = text,
                Observations = observations,
            });
        }
    }

    public void ModelCall(ModelCall call, long? parent, string scene, int round)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            Write(new CallRecord(call.Call.Step, parent, 0)
            {
                Scene = scene,
                Round = round,
                Phase = call.Call.Phase,
                Role = call.Call.Role,
                Seed = call.Call.Seed,
                Model = call.Model,
                Schema = call.Schema,
                Prompt = [.. call.Prompt.Select(m => (m.Role, m.Text))],
                Raw = call.Raw,
                Parsed = call.Parsed,
                PromptTokens = call.PromptTokens,
                CompletionTokens = call.CompletionTokens,
                Milliseconds = call.Milliseconds,
                Attempts = [.. call.Attempts.Select(a => (a.Raw, a.Error))],
                Failure = call.Failure,
                Candidates = call.Candidates,
                Trimmed = call.Trimmed,
            });
        }
    }

    /// <summary>The checkpoint line; the state is the session's, carried by the snapshot beside a save, not here.</summary>
    public void Checkpoint(long step, long? parent, NarratorState narrator, long nextStep, WorldState state)
    {
        ArgumentNullException.ThrowIfNull(narrator);
        lock (_gate)
        {
            Write(new CheckpointRecord(step, parent, 0) { Narrator = narrator, NextStep = nextStep });
        }
    }

    /// <summary>Writes a record read from another trajectory as it is (a swapped re-play copies nothing else).</summary>
    public void Record(TrajectoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            Write(record);
        }
    }

    /// <summary>Each observer's wording where it differs from the narrator's ("You take ..."); the rest read <c>text</c>.</summary>
    private static ImmutableSortedDictionary<string, string> Observations(AppliedEvent applied, string? narration)
    {
        if (applied.Observers.IsEmpty)
        {
            return EventRecord.NoObservations;
        }
        var seen = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var observer in applied.Observers)
        {
            if (applied.TextFor(observer) is { } text && text != narration)
            {
                seen[observer] = text;
            }
        }
        return seen.ToImmutable();
    }

    private void Write(TrajectoryRecord record)
    {
        _buffer.ResetWrittenCount();
        TrajectoryLines.Write(record, _buffer);
        WriteLine(_buffer.WrittenSpan);
    }

    private void WriteLine(ReadOnlySpan<byte> line)
    {
        // One write per line (the line and its newline together), so a reader never sees half a record unless
        // the process died inside that single write.
        var bytes = ArrayPool<byte>.Shared.Rent(line.Length + 1);
        try
        {
            line.CopyTo(bytes);
            bytes[line.Length] = (byte)'\n';
            _stream.Write(bytes, 0, line.Length + 1);
            _stream.Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }
}
