using System.Collections.Immutable;
using TaleForge.Core;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// A trajectory read back: its header and every record, indexed by step, with the tree the parent links form.
/// A last line cut short by a crash is skipped with a warning; damage anywhere else is an error naming the line.
/// </summary>
public sealed partial class TrajectoryFile
{
    private readonly Dictionary<long, TrajectoryRecord> _steps;
    private Dictionary<long, List<TrajectoryRecord>>? _children;

    private TrajectoryFile(string path, TrajectoryHeader header, ImmutableArray<TrajectoryRecord> records, ImmutableArray<string> warnings)
    {
        Path = path;
        Header = header;
        Records = records;
        Warnings = warnings;
        _steps = new Dictionary<long, TrajectoryRecord>(records.Length);
        foreach (var record in records)
        {
            if (record.Parent is { } parent && _steps.GetValueOrDefault(parent) is not EventRecord)
            {
                throw new TrajectoryException(path, record.Line, $"the parent step {parent} is not an earlier event",
                    "the file is damaged; restore it from a backup, or cut it before this line");
            }
            // Checkpoints name the step they follow; every other record owns its step.
            if (record is not CheckpointRecord && !_steps.TryAdd(record.Step, record))
            {
                throw new TrajectoryException(path, record.Line, $"step {record.Step} was already used on line {_steps[record.Step].Line}",
                    "the file is damaged or two files were joined; restore it from a backup");
            }
            if (record is EventRecord e)
            {
                LastEvent = e;
            }
        }
    }

    public string Path { get; }
    public TrajectoryHeader Header { get; }
    public ImmutableArray<TrajectoryRecord> Records { get; }
    public ImmutableArray<string> Warnings { get; }

    public IEnumerable<EventRecord> Events => Records.OfType<EventRecord>();
    public IEnumerable<CallRecord> Calls => Records.OfType<CallRecord>();
    public IEnumerable<CheckpointRecord> Checkpoints => Records.OfType<CheckpointRecord>();

    public EventRecord? EventAt(long step) => _steps.GetValueOrDefault(step) as EventRecord;

    /// <summary>The event or call recorded at <paramref name="step"/>, if any.</summary>
    public TrajectoryRecord? At(long step) => _steps.GetValueOrDefault(step);

    /// <summary>The records whose parent is <paramref name="step"/>, in the order written.</summary>
    public IReadOnlyList<TrajectoryRecord> ChildrenOf(long step)
    {
        if (_children is null)
        {
            var children = new Dictionary<long, List<TrajectoryRecord>>();
            foreach (var record in Records.Where(r => r.Parent is not null))
            {
                if (!children.TryGetValue(record.Parent!.Value, out var list))
                {
                    children[record.Parent.Value] = list = [];
                }
                list.Add(record);
            }
            _children = children;
        }
        return _children.TryGetValue(step, out var found) ? found : [];
    }

    /// <summary>
    /// Refuses a world in which the recording's player is not a character: a header edited by hand, or a world
    /// whose characters changed while keeping its hash, must not reach the game as an unexplained failure.
    /// </summary>
    public void CheckPlayerIn(TaleForge.Core.Definitions.WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (Header.Player is { } player && world.FindCharacter(player) is null)
        {
            throw new TrajectoryException(Path, 1, $"the header's player '{player}' is not a character of the world '{world.Info.Id}' (its characters are {string.Join(", ", world.Characters.Select(c => c.Id))})",
                "the header is damaged or names another world; fix the \"player\" field or open the recording with the world it was played in");
        }
    }

    /// <summary>The last event written: the head of the branch played last.</summary>
    public EventRecord? LastEvent { get; }

    /// <summary>
    /// The events from the start of the story to <paramref name="step"/> (inclusive), following parent links: one
    /// branch of the tree, as it was played.
    /// </summary>
    public ImmutableArray<EventRecord> PathTo(long step)
    {
        var path = new List<EventRecord>();
        for (var current = EventAt(step); current is not null; current = current.Parent is { } parent ? EventAt(parent) : null)
        {
            path.Add(current);
        }
        path.Reverse();
        return [.. path];
    }

    /// <summary>The branch that ends at the last event written (what a save resumes).</summary>
    public ImmutableArray<EventRecord> MainPath() => LastEvent is { } last ? PathTo(last.Step) : [];

    public static TrajectoryFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TrajectoryException(path, 0, Directory.Exists(path) ? "this is a folder, not a trajectory file" : "the file does not exist", "check the path");
        }
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrajectoryException(path, 0, $"the file cannot be read ({e.Message})", "check the path and its permissions");
        }
        return Parse(path, content);
    }

    /// <summary>Reads a trajectory from its bytes (UTF-8 JSON Lines).</summary>
    public static TrajectoryFile Parse(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (header, records, warnings) = TrajectoryReader.Read(path, content);
        return new TrajectoryFile(path, header, records, warnings);
    }

    /// <summary>Reads a trajectory from its lines; <paramref name="endsWithNewline"/> tells whether the last one was finished.</summary>
    public static TrajectoryFile Parse(string path, IReadOnlyList<string> lines, bool endsWithNewline)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var text = string.Join("\n", lines) + (endsWithNewline && lines.Count > 0 ? "\n" : "");
        return Parse(path, System.Text.Encoding.UTF8.GetBytes(text));
    }
}

/// <summary>A trajectory that cannot be read, with the file and line, and what to do about it.</summary>
public sealed class TrajectoryException(string path, int line, string problem, string hint)
    : TaleForgeException($"{path}:{line}: {problem}; {hint}.")
{
    public string File { get; } = path;
    public int Line { get; } = line;
}
