using System.Text.Json;
using TaleForge.Core.Events;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

public class DamagedTrajectoryTests
{
    private static readonly string Header = JsonSerializer.Serialize(new TrajectoryHeader
    {
        Taleforge = "test",
        Created = DateTimeOffset.UnixEpoch,
        World = new WorldReference("harbour", "The Harbour", "harbour", "sha256:0"),
        Seed = 1,
        Mode = "authored",
    }, TrajectoryJson.Options);

    private const string First = """{"record":"event","step":0,"parent":null,"scene":"arrival","round":0,"phase":"scene_setup","observers":[],"event":{"type":"scene_started","scene":"arrival"}}""";
    private const string Second = """{"record":"event","step":1,"parent":0,"scene":"arrival","round":1,"phase":"round_start","observers":[],"event":{"type":"round_started","round":1}}""";

    private static TrajectoryException Damaged(params string[] lines) =>
        Assert.Throws<TrajectoryException>(() => TrajectoryFile.Parse("t.jsonl", [Header, .. lines], endsWithNewline: true));

    [Fact]
    public void A_step_used_twice_names_both_lines()
    {
        var error = Damaged(First, Second, Second.Replace("\"parent\":0", "\"parent\":1", StringComparison.Ordinal));
        Assert.Equal("t.jsonl:4: step 1 was already used on line 3; the file is damaged or two files were joined; restore it from a backup.", error.Message);
    }

    [Fact]
    public void A_parent_that_is_not_an_earlier_event_is_damage()
    {
        var error = Damaged(First, Second.Replace("\"parent\":0", "\"parent\":7", StringComparison.Ordinal));
        Assert.Equal(3, error.Line);
        Assert.Contains("the parent step 7 is not an earlier event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named()
    {
        var error = Damaged(First.Replace("\"step\":0", "\"step\":\"zero\"", StringComparison.Ordinal));
        Assert.Equal("t.jsonl:2: the record is malformed ('step' must be a whole number, not string); the file is damaged; restore it from a backup, or cut it before this line.", error.Message);
    }

    [Fact]
    public void An_unknown_phase_or_record_kind_or_event_type_is_named()
    {
        Assert.Contains("'phase' must be one of scene_setup, round_start", Damaged(First.Replace("scene_setup", "lunch", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Contains("unknown record kind 'note'", Damaged(First.Replace("\"event\",\"step\"", "\"note\",\"step\"", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Contains("the record is malformed", Damaged(First.Replace("scene_started", "scene_stolen", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_step_or_event_is_named()
    {
        Assert.Contains("'step' is missing", Damaged(First.Replace("\"step\":0,", "", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Contains("'event' is missing", Damaged(First[..First.IndexOf(",\"event\"", StringComparison.Ordinal)] + "}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_last_line_is_skipped_with_a_warning_but_a_cut_line_before_the_end_is_damage()
    {
        var cut = TrajectoryFile.Parse("t.jsonl", [Header, First, Second[..30]], endsWithNewline: false);
        Assert.Equal([0L], cut.Records.Select(r => r.Step));
        Assert.Equal("t.jsonl:3: the last line is incomplete (the writer was stopped mid-line); it was skipped.", Assert.Single(cut.Warnings));

        var finished = Assert.Throws<TrajectoryException>(() => TrajectoryFile.Parse("t.jsonl", [Header, First, Second[..30]], endsWithNewline: true));
        Assert.StartsWith("t.jsonl:3: the line is not valid JSON", finished.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_from_a_newer_writer_are_read_past()
    {
        var file = TrajectoryFile.Parse("t.jsonl", [Header, First.Replace("\"observers\"", "\"mood\":{\"a\":[1,2]},\"observers\"", StringComparison.Ordinal)], true);
        var record = Assert.IsType<EventRecord>(Assert.Single(file.Records));
        Assert.Equal((0L, "arrival", NarratorPhase.SceneSetup), (record.Step, record.Scene, record.Phase));
        Assert.Equal(new WorldEvent.SceneStarted("arrival"), record.Event);
        Assert.Empty(record.Observers);
    }

    [Fact]
    public void A_missing_file_a_folder_and_an_empty_file_say_so()
    {
        var folder = Directory.CreateTempSubdirectory("taleforge-damaged-").FullName;
        try
        {
            Assert.Contains("does not exist", Assert.Throws<TrajectoryException>(() => TrajectoryFile.Read(Path.Combine(folder, "none.jsonl"))).Message, StringComparison.Ordinal);
            Assert.Contains("this is a folder", Assert.Throws<TrajectoryException>(() => TrajectoryFile.Read(folder)).Message, StringComparison.Ordinal);
            var empty = Path.Combine(folder, "empty.jsonl");
            File.WriteAllText(empty, "");
            Assert.Contains("the file is empty", Assert.Throws<TrajectoryException>(() => TrajectoryFile.Read(empty)).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
