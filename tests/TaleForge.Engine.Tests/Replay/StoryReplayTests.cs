using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

public sealed class StoryReplayTests : IDisposable
{
    private readonly Recordings _recordings = new();

    public void Dispose() => _recordings.Dispose();

    private async Task<TrajectoryFile> Played(Cast? cast = null) =>
        TrajectoryFile.Read((await _recordings.PlayedAsync("played", cast ?? Cast.Authored(_recordings.World, "mara"))).Path);

    [Fact]
    public async Task The_narrators_view_tells_every_event_of_the_main_branch_in_its_own_words()
    {
        var file = await Played();

        var lines = StoryReplay.Lines(file, new ReplayView()).ToList();

        Assert.Equal(file.MainBranch().OfType<EventRecord>().Where(e => e.Text is not null).Select(e => e.Text), lines.Select(l => l.Text));
        Assert.Single(lines, l => l.Text == "Mara takes the storm lantern.");
        Assert.Contains(lines, l => l.Text == "Mara says: \u201cMine now.\u201d");
        Assert.All(lines, l => Assert.Equal(StoryLineKind.Event, l.Kind));
    }

    [Slow]
    [Fact]
    public async Task A_characters_view_holds_only_what_it_perceived_and_its_own_mind_and_decisions()
    {
        var file = await Played(_recordings.ModelCast(player: "mara"));

        var ines = StoryReplay.Lines(file, new ReplayView { Character = "ines" }).ToList();
        var mara = StoryReplay.Lines(file, new ReplayView { Character = "mara" }).ToList();

        // Ines waits up in the tower: she never sees Mara take the lantern on the quay.
        Assert.DoesNotContain(ines, l => l.Text.Contains("storm lantern", StringComparison.Ordinal) && l.Record is EventRecord { Event: WorldEvent.Took });
        Assert.All(ines.Where(l => l.Kind == StoryLineKind.Event), l => Assert.Contains("ines", ((EventRecord)l.Record).Observers));
        Assert.All(ines.Where(l => l.Kind == StoryLineKind.Decision), l => Assert.Equal(Role.Character("ines"), ((CallRecord)l.Record).Role));
        Assert.Contains(ines, l => l.Kind == StoryLineKind.Thought && l.Text.StartsWith("believes: ", StringComparison.Ordinal));
        Assert.Contains(mara, l => l.Text == "You take the storm lantern.");
        Assert.Contains(mara, l => l.Kind == StoryLineKind.Decision && l.Text.StartsWith("player_turn (you decide): ", StringComparison.Ordinal));
        Assert.DoesNotContain(mara, l => l.Record is CallRecord call && call.Role == Role.Character("tomas"));
    }

    [Slow]
    [Fact]
    public async Task A_phase_filter_keeps_only_that_phase()
    {
        var file = await Played(_recordings.ModelCast(player: "mara"));

        var records = StoryReplay.Records(file, new ReplayView { Phase = NarratorPhase.Influence });

        Assert.Equal(file.MainBranch().OfType<CallRecord>().Where(c => c.Phase == NarratorPhase.Influence).Select(c => c.Step), records.Select(r => r.Step));
        Assert.All(records, r => Assert.Equal(NarratorPhase.Influence, ((CallRecord)r).Phase));
        Assert.All(records, r => Assert.Equal("influence", ((CallRecord)r).Schema));
    }

    [Fact]
    public async Task A_file_without_event_text_is_told_from_the_world_it_was_played_in()
    {
        var file = await Played();
        var stripped = Path.Combine(_recordings.Folder, "stripped.jsonl");
        File.WriteAllLines(stripped, File.ReadAllLines(file.Path).Select((line, i) => i == 0 ? line : StripText(line)));
        var bare = TrajectoryFile.Read(stripped);

        Assert.True(StoryReplay.NeedsWorld(bare));
        Assert.Throws<Core.TaleForgeException>(() => StoryReplay.Lines(bare, new ReplayView()).ToList());
        var world = RecordedWorld.Load(bare);
        Assert.Equal(
            StoryReplay.Lines(file, new ReplayView { Character = "mara" }).Select(l => l.Text),
            StoryReplay.Lines(bare, new ReplayView { Character = "mara" }, world).Select(l => l.Text));
    }

    [Fact]
    public async Task A_world_edited_since_the_recording_is_refused_with_both_hashes()
    {
        var file = await Played();
        var yaml = Directory.GetFiles(_recordings.WorldSource, "*.yaml", SearchOption.AllDirectories)
            .First(f => File.ReadAllText(f).Contains("Wet stones", StringComparison.Ordinal));
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("Wet stones", "Dry stones", StringComparison.Ordinal));

        var error = Assert.Throws<Core.TaleForgeException>(() => RecordedWorld.Load(file));

        Assert.Contains($"is not the one {file.Path} was played in", error.Message, StringComparison.Ordinal);
        Assert.Contains(file.Header.World.Hash, error.Message, StringComparison.Ordinal);
    }

    private static string StripText(string line)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
        node.Remove("text");
        node.Remove("observations");
        return node.ToJsonString(TrajectoryJson.Options);
    }
}
