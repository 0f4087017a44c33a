using System.Text.Json.Nodes;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

[Slow]
public sealed class VerificationTests : IDisposable
{
    private readonly Recordings _recordings = new();

    public void Dispose() => _recordings.Dispose();

    [Fact]
    public async Task A_simulated_model_episode_re_runs_identically()
    {
        var path = await _recordings.SimulatedAsync("simulated", _recordings.ModelCast());
        var file = TrajectoryFile.Read(path);

        var result = await Verification.RunAsync(file, RecordedWorld.Open(file), _recordings.ModelCast());

        Assert.Null(result.FirstDifference);
        Assert.Equal(file.MainBranch().Length, result.Compared);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public async Task An_authored_episode_re_runs_identically()
    {
        var path = await _recordings.SimulatedAsync("authored", Cast.Authored(_recordings.World));
        var file = TrajectoryFile.Read(path);

        var result = await Verification.RunAsync(file, RecordedWorld.Open(file), Cast.Authored(_recordings.World));

        Assert.True(result.Identical);
        Assert.True(result.Compared > 10);
    }

    [Fact]
    public async Task A_played_episode_with_undo_and_retry_re_runs_identically_from_the_players_recorded_decisions()
    {
        var (path, _) = await _recordings.PlayedAsync("played", _recordings.ModelCast(player: "mara"));
        var file = TrajectoryFile.Read(path);
        var kept = Path.Combine(_recordings.Folder, "rerun.jsonl");

        var result = await Verification.RunAsync(file, RecordedWorld.Open(file), _recordings.ModelCast(player: "mara"), keep: kept);

        Assert.True(result.Identical, result.FirstDifference?.ToString());
        // The whole tree grew again, abandoned branches included, with the same steps.
        Assert.Equal(file.Records.Select(r => r.Step), TrajectoryFile.Read(kept).Records.Select(r => r.Step));
    }

    [Fact]
    public async Task A_played_episode_with_an_undo_taken_back_by_redo_re_runs_identically()
    {
        var cast = _recordings.ModelCast(player: "mara");
        var path = Path.Combine(_recordings.Folder, "redo.jsonl");
        var options = new SessionOptions { Seed = 6, RoundLimit = 3 };
        using (var writer = TrajectoryWriter.Create(path, _recordings.Spec(cast, options, Recordings.GrammarModelReference).Header("test", DateTimeOffset.UnixEpoch)))
        {
            var session = new GameSession(_recordings.World, cast, options with { Trajectory = writer });
            await session.RunAsync();
            await session.SubmitAsync(Recordings.Take);
            Assert.True(session.Undo());
            Assert.True(session.Redo());
            await session.SubmitAsync(Recordings.North);
        }
        var file = TrajectoryFile.Read(path);
        var kept = Path.Combine(_recordings.Folder, "redo-rerun.jsonl");

        var result = await Verification.RunAsync(file, RecordedWorld.Open(file), _recordings.ModelCast(player: "mara"), keep: kept);

        Assert.True(result.Identical, result.FirstDifference?.ToString());
        Assert.Empty(result.Notes);
        // The undo's and the redo's checkpoints are re-made in the same places.
        Assert.Equal(file.Records.Select(r => (r.Step, r.GetType())), TrajectoryFile.Read(kept).Records.Select(r => (r.Step, r.GetType())));
    }

    [Fact]
    public async Task A_doctored_reply_is_reported_as_the_first_difference_with_its_step_and_both_values()
    {
        var path = await _recordings.SimulatedAsync("simulated", _recordings.ModelCast());
        var lines = File.ReadAllLines(path);
        var target = Array.FindIndex(lines, l => l.Contains("\"schema\":\"character_turn\"", StringComparison.Ordinal));
        var call = JsonNode.Parse(lines[target])!.AsObject();
        var original = (string)call["raw"]!;
        call["raw"] = "{\"doctored\":true}";
        lines[target] = call.ToJsonString(TrajectoryJson.Options);
        File.WriteAllLines(path, lines);
        var file = TrajectoryFile.Read(path);

        var result = await Verification.RunAsync(file, RecordedWorld.Open(file), _recordings.ModelCast());

        var difference = Assert.IsType<RecordDifference>(result.FirstDifference);
        Assert.Equal((long)call["step"]!, difference.Step);
        Assert.Equal("raw", difference.Field);
        Assert.StartsWith("call character:", difference.Kind, StringComparison.Ordinal);
        Assert.Equal("\"{\\\"doctored\\\":true}\"", difference.Expected);
        Assert.Equal(JsonValue.Create(original).ToJsonString(TrajectoryJson.Options)[..Math.Min(20, original.Length)], difference.Actual[..Math.Min(20, original.Length)]);
        Assert.Equal(target, result.Compared);
    }

    [Fact]
    public async Task A_different_model_is_found_at_its_first_reply()
    {
        var path = await _recordings.SimulatedAsync("simulated", _recordings.ModelCast());
        var file = TrajectoryFile.Read(path);
        var result = await Verification.RunAsync(file, RecordedWorld.Open(file), _recordings.ModelCast(GrammarModel.Create(seedOffset: 1)));

        var first = file.MainBranch().OfType<CallRecord>().First();
        Assert.Equal(first.Step, result.FirstDifference!.Step);
        Assert.Equal("raw", result.FirstDifference.Field);
    }

    [Fact]
    public async Task A_cast_for_another_player_is_refused()
    {
        var (path, _) = await _recordings.PlayedAsync("played", Cast.Authored(_recordings.World, "mara"));
        var file = TrajectoryFile.Read(path);

        var error = await Assert.ThrowsAsync<Core.TaleForgeException>(() => Verification.RunAsync(file, RecordedWorld.Open(file), Cast.Authored(_recordings.World)));

        Assert.Equal("the cast plays 'no one', but the recording's player is 'mara'.", error.Message);
    }
}
