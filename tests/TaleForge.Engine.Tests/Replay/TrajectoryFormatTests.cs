using System.Text.Json.Nodes;
using TaleForge.Content.Opening;
using TaleForge.Core.Events;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

public sealed class TrajectoryFormatTests : IDisposable
{
    private readonly Recordings _recordings = new();

    public void Dispose() => _recordings.Dispose();

    private static string SchemaPath => Path.Combine(Repository.Docs, "schema", "trajectory.schema.json");

    [Fact]
    public void The_checked_in_schema_is_exactly_what_the_format_generates()
    {
        Assert.Equal(TrajectorySchema.Export(), File.ReadAllText(SchemaPath));
    }

    [Slow]
    [Fact]
    public async Task Every_line_of_simulated_and_played_trajectories_is_valid_against_the_checked_in_schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(SchemaPath);
        var simulated = await _recordings.SimulatedAsync("simulated", _recordings.ModelCast());
        var (played, _) = await _recordings.PlayedAsync("played", _recordings.ModelCast(player: "mara"));

        var lines = File.ReadAllLines(simulated).Concat(File.ReadAllLines(played)).ToList();

        Assert.True(lines.Count > 100);
        Assert.All(lines, line => Assert.Empty(schema.Validate(line)));
        var kinds = lines.Select(l => (string?)JsonNode.Parse(l)!["record"]).ToHashSet();
        Assert.Equal(["header", "event", "call", "checkpoint"], kinds);
    }

    [Fact]
    public async Task The_schema_rejects_a_line_with_an_unknown_event_type_or_a_missing_field()
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(TrajectorySchema.Export());
        const string good = """{"record":"event","step":3,"parent":2,"scene":"arrival","round":1,"phase":"actor_turn","time":"day 1, 18:10","actor":"mara","observers":["mara","tomas"],"event":{"type":"took","character":"mara","item":"lantern","from":"quay"},"text":"Mara takes the storm lantern."}""";

        Assert.Empty(schema.Validate(good));
        Assert.NotEmpty(schema.Validate(good.Replace("\"took\"", "\"stole\"", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(good.Replace("\"item\":\"lantern\",", "", StringComparison.Ordinal)));
        Assert.Contains((NJsonSchema.Validation.ValidationErrorKind.PropertyRequired, "step"), SchemaErrors.Of(schema, good.Replace("\"step\":3,", "", StringComparison.Ordinal)));
        Assert.Contains((NJsonSchema.Validation.ValidationErrorKind.NotInEnumeration, "phase"), SchemaErrors.Of(schema, good.Replace("\"actor_turn\"", "\"lunch\"", StringComparison.Ordinal)));
    }

    [Slow]
    [Fact]
    public async Task A_trajectory_read_back_and_written_again_is_the_same_file_line_for_line()
    {
        var (path, _) = await _recordings.PlayedAsync("played", _recordings.ModelCast(player: "mara"));
        var lines = File.ReadAllLines(path);

        var file = TrajectoryFile.Read(path);

        Assert.Equal(lines.Length - 1, file.Records.Length);
        Assert.Equal(lines[0], TrajectoryLines.Of(file.Header));
        for (var i = 0; i < file.Records.Length; i++)
        {
            Assert.Equal(lines[i + 1], TrajectoryLines.Of(file.Records[i]));
            Assert.Equal(i + 2, file.Records[i].Line);
        }
    }

    [Fact]
    public async Task An_event_line_keeps_each_observers_own_wording_beside_the_narrators()
    {
        var (path, _) = await _recordings.PlayedAsync("played", Cast.Authored(_recordings.World, "mara"));

        var took = TrajectoryFile.Read(path).MainBranch().OfType<EventRecord>().First(e => e.Event is WorldEvent.Took);

        Assert.Equal("Mara takes the storm lantern.", took.Text);
        Assert.Equal("You take the storm lantern.", took.TextFor("mara"));
        Assert.Equal("Mara takes the storm lantern.", took.TextFor("tomas"));
        Assert.Null(took.TextFor("ines"));
        Assert.Equal(["mara"], took.Observations.Keys);
    }

    [Fact]
    public async Task The_header_records_what_a_re_run_needs()
    {
        var path = await _recordings.SimulatedAsync("simulated", _recordings.ModelCast(), rounds: 1, seed: 21);

        var header = TrajectoryFile.Read(path).Header;

        Assert.Equal(21, header.Seed);
        Assert.Equal(1, header.RoundLimit);
        Assert.True(header.Director);
        Assert.Equal(5.0, header.ReflectionThreshold);
        Assert.Equal("model", header.Mode);
        Assert.Equal(_recordings.WorldSource, header.World.Source);
        Assert.Equal(WorldHash.Of(_recordings.World), header.World.Hash);
        var options = EpisodeSpec.Of(header).SessionOptions();
        Assert.Equal((21L, 1, false), (options.Seed, options.RoundLimit, options.StopAfterScene));
    }

    [Fact]
    public async Task Events_after_an_undo_are_described_against_their_own_branch()
    {
        var (path, _) = await _recordings.PlayedAsync("played", Cast.Authored(_recordings.World, "mara"));

        var takes = TrajectoryFile.Read(path).Events.Where(e => e.Event is WorldEvent.Took).ToList();

        // The lantern is taken twice, once per branch: the second text must not read as if she already had it.
        Assert.Equal(2, takes.Count);
        Assert.All(takes, e => Assert.Equal("Mara takes the storm lantern.", e.Text));
    }

    [Fact]
    public void A_header_without_the_newer_settings_reads_with_their_defaults()
    {
        const string old = """{"record":"header","format":"taleforge/trajectory@1","taleforge":"0.1","created":"2026-11-23T00:00:00+00:00","world":{"id":"harbour","title":"The Harbour","source":"worlds/harbour","hash":"sha256:0"},"seed":7,"mode":"authored","models":[],"deterministic":true}""";

        var file = TrajectoryFile.Parse("old.jsonl", [old], endsWithNewline: true);

        Assert.False(file.Header.StopAfterScene);
        Assert.False(file.Header.Director);
        Assert.Equal(5.0, file.Header.ReflectionThreshold);
        Assert.Null(file.Header.Swap);
    }
}
