using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Benchmarks;

/// <summary>What the trajectory benchmark measured: appending and loading, each beside its baseline.</summary>
internal sealed record TrajectoryMeasurements(
    int Events,
    long Bytes,
    double WriteMs,
    double BaselineWriteMs,
    Timing Load,
    Timing BaselineLoad,
    double GoalMs)
{
    public double LinesPerSecond => Events / (WriteMs / 1000);
    public double BaselineLinesPerSecond => Events / (BaselineWriteMs / 1000);
    public bool MeetsGoal => Load.MedianMs <= GoalMs;
}

/// <summary>
/// Writes a long trajectory through the real writer (event text for the narrator and each observer, one flush per
/// line), then loads and indexes it as replay does (read, parse every record, index steps, select the main branch).
/// Baselines in the same run: appending the very same lines with a bare StreamWriter (also flushed per line), and
/// parsing every line with JsonDocument (syntax only, nothing kept).
/// </summary>
internal static class TrajectoryBenchmark
{
    public const double LoadGoalMs = 1000;

    public static TrajectoryMeasurements Run(int events, int runs, int warmups)
    {
        var folder = Directory.CreateTempSubdirectory("taleforge-bench-trajectory-").FullName;
        try
        {
            var world = GeneratedWorld.Create(characters: 24, locations: 8);
            var path = Path.Combine(folder, "bench.jsonl");
            var writeMs = Write(path, world, events);
            var lines = File.ReadAllLines(path);
            var baselinePath = Path.Combine(folder, "baseline.jsonl");
            var baselineWriteMs = WriteRaw(baselinePath, lines);

            var load = Timing.Measure(() => Load(path), warmups, runs);
            var baselineLoad = Timing.Measure(() => ParseOnly(path), warmups, runs);
            return new TrajectoryMeasurements(events, new FileInfo(path).Length, writeMs, baselineWriteMs, load, baselineLoad, LoadGoalMs);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Load(string path)
    {
        var file = TrajectoryFile.Read(path);
        if (file.MainBranch().Length != file.Records.Length)
        {
            throw new InvalidOperationException("The benchmark trajectory is one branch; every record must be on it.");
        }
    }

    private static void ParseOnly(string path)
    {
        var content = File.ReadAllBytes(path).AsSpan();
        while (content.Length > 0)
        {
            var end = content.IndexOf((byte)'\n');
            using (JsonDocument.Parse(content[..end].ToArray()))
            {
            }
            content = content[(end + 1)..];
        }
    }

    /// <summary>A story of talk and gesture among the world's characters, as the session would hand it to the writer.</summary>
    private static double Write(string path, WorldDefinition world, int events)
    {
        var header = new EpisodeSpec
        {
            World = new WorldReference(world.Info.Id, world.Info.Title, "generated", WorldHash.Of(world)),
        }.Header("bench", DateTimeOffset.UtcNow);
        var initial = WorldState.Initial(world);
        var entries = Entries(world, initial, events).ToList();
        var clock = Stopwatch.StartNew();
        using (var writer = TrajectoryWriter.Create(path, header))
        {
            foreach (var entry in entries)
            {
                writer.Event(entry);
            }
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double WriteRaw(string path, IReadOnlyList<string> lines)
    {
        var clock = Stopwatch.StartNew();
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            foreach (var line in lines.Skip(1))
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static IEnumerable<AppliedEvent> Entries(WorldDefinition world, WorldState initial, int count)
    {
        var state = initial;
        var characters = world.Characters.Select(c => c.Id).ToArray();
        var time = new GameTime(1, 18 * 60);
        for (var step = 0; step < count; step++)
        {
            var actor = characters[step % characters.Length];
            var place = initial.Character(actor).Location;
            var observers = initial.CharactersAt(place).ToArray();
            WorldEvent e = (step % 5) switch
            {
                0 => new WorldEvent.Said(actor, $"Line {step.ToString(CultureInfo.InvariantCulture)}: the lamp is out again and the boats are still at sea."),
                1 => new WorldEvent.Acted(actor, "leans on the rail and looks out over the dark water"),
                2 => new WorldEvent.EmotionChanged(actor, step % 2 == 0 ? "uneasy" : "hopeful"),
                3 => new WorldEvent.PositionChanged(actor, "by the window"),
                _ => new WorldEvent.Narrated("Rain drums on the roof; somewhere a shutter bangs.", NarrationKind.Result) { Location = place },
            };
            var entry = new LogEntry
            {
                Step = step,
                Parent = step == 0 ? null : step - 1,
                Scene = "scene-0",
                Round = 1 + step / 50,
                Phase = NarratorPhase.ActorTurn,
                Time = time,
                Actor = actor,
                Observed = new ObservedEvent(e, [.. observers]),
            };
            var before = state;
            state = state.Apply(e);
            yield return new AppliedEvent(entry, before, state);
        }
    }
}
