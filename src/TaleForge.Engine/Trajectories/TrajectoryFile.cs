using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Core;
using TaleForge.Core.Events;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// A trajectory read back: its header and every record, indexed by step, with the tree the parent links form.
/// A last line cut short by a crash is skipped with a warning; damage anywhere else is an error naming the line.
/// </summary>
public sealed class TrajectoryFile
{
    private readonly Dictionary<long, EventRecord> _events;
    private readonly Dictionary<long, List<TrajectoryRecord>> _children;

    private TrajectoryFile(string path, TrajectoryHeader header, ImmutableArray<TrajectoryRecord> records, ImmutableArray<string> warnings)
    {
        Path = path;
        Header = header;
        Records = records;
        Warnings = warnings;
        _events = records.OfType<EventRecord>().ToDictionary(r => r.Step);
        _children = [];
        foreach (var record in records.Where(r => r.Parent is not null))
        {
            if (!_children.TryGetValue(record.Parent!.Value, out var list))
            {
                _children[record.Parent.Value] = list = [];
            }
            list.Add(record);
        }
    }

    public string Path { get; }
    public TrajectoryHeader Header { get; }
    public ImmutableArray<TrajectoryRecord> Records { get; }
    public ImmutableArray<string> Warnings { get; }

    public IEnumerable<EventRecord> Events => Records.OfType<EventRecord>();
    public IEnumerable<CallRecord> Calls => Records.OfType<CallRecord>();
    public IEnumerable<CheckpointRecord> Checkpoints => Records.OfType<CheckpointRecord>();

    public EventRecord? EventAt(long step) => _events.GetValueOrDefault(step);

    public IReadOnlyList<TrajectoryRecord> ChildrenOf(long step) => _children.TryGetValue(step, out var list) ? list : [];

    /// <summary>The last event written: the head of the branch played last.</summary>
    public EventRecord? LastEvent => Records.OfType<EventRecord>().LastOrDefault();

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
            throw new TrajectoryException(path, 0, "the file does not exist", "check the path");
        }
        var lines = File.ReadAllLines(path);
        return Parse(path, lines, endsWithNewline: File.ReadAllBytes(path) is { Length: > 0 } bytes && bytes[^1] == (byte)'\n');
    }

    public static TrajectoryFile Parse(string path, IReadOnlyList<string> lines, bool endsWithNewline)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines[0].Trim().Length == 0)
        {
            throw new TrajectoryException(path, 1, "the file is empty: a trajectory starts with a header line", "give a file written by TaleForge");
        }
        var header = ReadHeader(path, lines[0]);
        var records = ImmutableArray.CreateBuilder<TrajectoryRecord>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        for (var i = 1; i < lines.Count; i++)
        {
            var number = i + 1;
            if (lines[i].Length == 0)
            {
                continue;
            }
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(lines[i]);
            }
            catch (JsonException e)
            {
                // Only the very last line can be cut short by a crash mid-write; anything else is damage.
                if (i == lines.Count - 1 && !endsWithNewline)
                {
                    warnings.Add($"{path}:{number}: the last line is incomplete (the writer was stopped mid-line); it was skipped.");
                    continue;
                }
                throw new TrajectoryException(path, number, $"the line is not valid JSON ({e.Message})", "the file is damaged; restore it from a backup, or cut it before this line");
            }
            records.Add(ReadRecord(path, number, node));
        }
        return new TrajectoryFile(path, header, records.ToImmutable(), warnings.ToImmutable());
    }

    private static TrajectoryHeader ReadHeader(string path, string line)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            throw new TrajectoryException(path, 1, $"the header is not valid JSON ({e.Message})", "give a trajectory file written by TaleForge");
        }
        if (node?["record"]?.GetValue<string>() != "header")
        {
            throw new TrajectoryException(path, 1, "the first line is not a trajectory header", "give a trajectory file written by TaleForge");
        }
        var format = node["format"]?.GetValue<string>();
        if (format != TrajectoryHeader.CurrentFormat)
        {
            throw new TrajectoryException(path, 1, $"the format is '{format}', but this TaleForge reads '{TrajectoryHeader.CurrentFormat}'",
                "use the TaleForge version that wrote it, or convert the file");
        }
        try
        {
            return node.Deserialize<TrajectoryHeader>(TrajectoryJson.Options)
                ?? throw new TrajectoryException(path, 1, "the header is empty", "give a trajectory file written by TaleForge");
        }
        catch (JsonException e)
        {
            throw new TrajectoryException(path, 1, $"the header is malformed ({e.Message})", "give a trajectory file written by TaleForge");
        }
    }

    private static TrajectoryRecord ReadRecord(string path, int line, JsonNode? node)
    {
        try
        {
            var step = node!["step"]!.GetValue<long>();
            var parent = node["parent"]?.GetValue<long?>();
            return node["record"]?.GetValue<string>() switch
            {
                "event" => new EventRecord(step, parent, line)
                {
                    Scene = node["scene"]?.GetValue<string>() ?? "",
                    Round = node["round"]?.GetValue<int>() ?? 0,
                    Phase = node["phase"].Deserialize<NarratorPhase>(TrajectoryJson.Options),
                    Time = node["time"]?.GetValue<string>() ?? "",
                    Actor = node["actor"]?.GetValue<string>(),
                    Observers = [.. (node["observers"]?.AsArray() ?? []).Select(o => o!.GetValue<string>())],
                    Event = node["event"].Deserialize<WorldEvent>(TrajectoryJson.Options)
                        ?? throw new JsonException("the event is missing"),
                    Text = node["text"]?.GetValue<string>(),
                },
                "call" => new CallRecord(step, parent, line)
                {
                    Scene = node["scene"]?.GetValue<string>() ?? "",
                    Round = node["round"]?.GetValue<int>() ?? 0,
                    Phase = node["phase"].Deserialize<NarratorPhase>(TrajectoryJson.Options),
                    Role = node["role"]!.GetValue<string>(),
                    Seed = node["seed"]!.GetValue<long>(),
                    Model = node["model"]?.GetValue<string>() ?? "",
                    Schema = node["schema"]?.GetValue<string>() ?? "",
                    Prompt = [.. (node["prompt"]?.AsArray() ?? []).Select(m => (m!["role"]!.GetValue<string>(), m["text"]!.GetValue<string>()))],
                    Raw = node["raw"]?.GetValue<string>() ?? "",
                    Parsed = node["parsed"]?.DeepClone(),
                    PromptTokens = node["tokens"]?["prompt"]?.GetValue<int>() ?? 0,
                    CompletionTokens = node["tokens"]?["completion"]?.GetValue<int>() ?? 0,
                    Milliseconds = node["ms"]?.GetValue<double>() ?? 0,
                    Attempts = [.. (node["attempts"]?.AsArray() ?? []).Select(a => (a!["raw"]!.GetValue<string>(), a["error"]!.GetValue<string>()))],
                    Failure = node["failure"]?.GetValue<string>(),
                },
                "checkpoint" => new CheckpointRecord(step, parent, line)
                {
                    Narrator = node["narrator"].Deserialize<NarratorState>(TrajectoryJson.Options) ?? throw new JsonException("the narrator state is missing"),
                    NextStep = node["next_step"]?.GetValue<long>() ?? 0,
                },
                var other => throw new JsonException($"unknown record kind '{other}'"),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new TrajectoryException(path, line, $"the record is malformed ({e.Message})", "the file is damaged; restore it from a backup, or cut it before this line");
        }
    }
}

/// <summary>A trajectory that cannot be read, with the file and line, and what to do about it.</summary>
public sealed class TrajectoryException(string path, int line, string problem, string hint)
    : TaleForgeException($"{path}:{line}: {problem}; {hint}.")
{
    public string File { get; } = path;
    public int Line { get; } = line;
}
