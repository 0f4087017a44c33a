using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests;

public sealed class TrajectoryWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-trajectory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static EpisodeSpec Spec { get; } = new()
    {
        World = new WorldReference("harbour", "The Harbour", "memory", "sha256:0"),
        Seed = 7,
    };

    /// <summary>Mara at the keyboard, the others authored.</summary>
    private static EpisodeSpec MaraPlays { get; } = Spec with { Player = "mara" };

    private static TrajectoryHeader HeaderOf(EpisodeSpec spec) => spec.Header("test", new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    private static TrajectoryHeader Header => HeaderOf(Spec);

    [Fact]
    public async Task Every_event_is_written_as_a_line_that_reads_back_as_the_same_event()
    {
        var world = TestWorld.Harbour();
        var path = Path.Combine(_folder, "run.jsonl");
        GameSession session;
        using (var writer = TrajectoryWriter.Create(path, Header))
        {
            session = new GameSession(world, Cast.Authored(world), Spec.SessionOptions(writer));
            await session.RunAsync();
        }

        var lines = File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("header", (string?)lines[0]["record"]);
        Assert.Equal("taleforge/trajectory@1", (string?)lines[0]["format"]);
        var events = lines.Where(l => (string?)l["record"] == "event").ToList();
        Assert.Equal(session.Log.Count, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var read = events[i]["event"].Deserialize<WorldEvent>(TrajectoryJson.Options);
            Assert.Equal(session.Log[i].Event, read);
            Assert.Equal(session.Log[i].Step, (long)events[i]["step"]!);
        }
        Assert.Equal("scene_started", (string?)events[0]["event"]!["type"]);
    }

    [Fact]
    public void A_veto_reason_is_tagged_by_type()
    {
        var veto = new WorldEvent.Vetoed("mara", "take the key", new VetoReason.NotCarrying("key"));
        var json = JsonSerializer.Serialize<WorldEvent>(veto, TrajectoryJson.Options);
        Assert.Equal("""{"type":"vetoed","character":"mara","attempt":"take the key","reason":{"type":"not_carrying","item":"key"}}""", json);
        Assert.Equal(veto, JsonSerializer.Deserialize<WorldEvent>(json, TrajectoryJson.Options));
    }

    [Fact]
    public void An_existing_trajectory_is_never_overwritten()
    {
        var path = Path.Combine(_folder, "kept.jsonl");
        File.WriteAllText(path, "precious");
        Assert.Throws<IOException>(() => TrajectoryWriter.Create(path, Header));
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_written_trajectory_reads_back_with_its_tree_and_checkpoints()
    {
        var world = TestWorld.Harbour();
        var path = Path.Combine(_folder, "play.jsonl");
        GameSession session;
        using (var writer = TrajectoryWriter.Create(path, HeaderOf(MaraPlays)))
        {
            session = new GameSession(world, Cast.Authored(world, "mara"), MaraPlays.SessionOptions(writer));
            await session.RunAsync();
            await session.SubmitAsync(new Core.Decisions.CharacterTurn { Command = new Core.Decisions.WorldCommand.Take("lantern"), Dialogue = "Mine." });
        }

        var file = TrajectoryFile.Read(path);

        Assert.Empty(file.Warnings);
        Assert.Equal(7, file.Header.Seed);
        Assert.Equal(session.Log.Select(e => e.Event), file.MainPath().Select(e => e.Event));
        var checkpoint = file.Checkpoints.Last();
        Assert.Equal(session.Narrator, checkpoint.Narrator);
        Assert.Equal("Mara takes the storm lantern.", file.Events.Single(e => e.Event is WorldEvent.Took).Text);
    }

    [Fact]
    public void A_last_line_cut_short_is_skipped_with_a_warning_and_damage_elsewhere_names_its_line()
    {
        var header = JsonSerializer.Serialize(Header, TrajectoryJson.Options);
        var good = """{"record":"event","step":0,"parent":null,"scene":"arrival","round":0,"phase":"scene_setup","observers":[],"event":{"type":"scene_started","scene":"arrival"}}""";

        var cut = TrajectoryFile.Parse("t.jsonl", [header, good, good[..40]], endsWithNewline: false);
        Assert.Equal(new WorldEvent.SceneStarted("arrival"), Assert.IsType<EventRecord>(Assert.Single(cut.Records)).Event);
        Assert.Equal("t.jsonl:3: the last line is incomplete (the writer was stopped mid-line); it was skipped.", Assert.Single(cut.Warnings));

        var damaged = Assert.Throws<TrajectoryException>(() => TrajectoryFile.Parse("t.jsonl", [header, good[..40], good], endsWithNewline: true));
        Assert.Equal(2, damaged.Line);
        Assert.StartsWith("t.jsonl:2: the line is not valid JSON", damaged.Message, StringComparison.Ordinal);

        var wrongFormat = Assert.Throws<TrajectoryException>(() => TrajectoryFile.Parse("t.jsonl", [header.Replace("trajectory@1", "trajectory@9", StringComparison.Ordinal)], true));
        Assert.Contains("'taleforge/trajectory@9'", wrongFormat.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_resumed_from_its_trajectory_continues_exactly_as_the_original()
    {
        var world = TestWorld.Harbour();
        var path = Path.Combine(_folder, "resume.jsonl");
        var take = new Core.Decisions.CharacterTurn { Command = new Core.Decisions.WorldCommand.Take("lantern") };
        var north = new Core.Decisions.CharacterTurn { Command = new Core.Decisions.WorldCommand.Go("north") };
        // Lines are flushed as written, so the file can be read while the original plays on.
        using var writer = TrajectoryWriter.Create(path, HeaderOf(MaraPlays));
        var original = new GameSession(world, Cast.Authored(world, "mara"), MaraPlays.SessionOptions(writer));
        await original.RunAsync();
        await original.SubmitAsync(take);

        var resumed = GameSession.Resume(world, Cast.Authored(world, "mara"), TrajectoryFile.Read(path));

        Assert.True(resumed.AwaitingPlayer);
        Assert.Equal(original.State.Characters, resumed.State.Characters);
        Assert.Equal(original.State.Items, resumed.State.Items);
        Assert.Equal(original.Narrator, resumed.Narrator);
        Assert.Equal<Memory.Observation>(original.ObservationsOf("tomas"), resumed.ObservationsOf("tomas"));
        await original.SubmitAsync(north);
        await resumed.SubmitAsync(north);
        Assert.Equal(original.Log.Select(e => (e.Step, e.Event)), resumed.Log.Select(e => (e.Step, e.Event)));
        Assert.True(resumed.Undo());
        Assert.True(resumed.State.Carries("mara", "lantern"));
    }
}
