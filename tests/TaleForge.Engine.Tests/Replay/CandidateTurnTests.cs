using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Candidates;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Session;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

[Slow]
public sealed class CandidateTurnTests : IDisposable
{
    private readonly Recordings _recordings = new();

    public void Dispose() => _recordings.Dispose();

    private Cast CandidateCast(int candidates) => EpisodeCast.Build(
        _recordings.World, player: null, director: true,
        role => EpisodeSpec.ModelIn(Recordings.GrammarModelReference, role),
        _ => new ModelRole { Client = GrammarModel.Create(), Model = "grammar-model", ContextTokens = 8192 },
        candidates: candidates);

    private async Task<TrajectoryFile> SimulateAsync(string name, Cast cast, int candidates, EpisodeProtocol protocol = EpisodeProtocol.TaleForge)
    {
        var spec = _recordings.Spec(cast, new SessionOptions { Seed = 9, RoundLimit = 2 }, Recordings.GrammarModelReference) with { Candidates = candidates, Protocol = protocol };
        var results = await Simulator.RunAsync([new Episode(name, _recordings.World, spec)], _ => cast, "test", _recordings.Folder, parallel: 1);
        return TrajectoryFile.Read(results.Single().Trajectory);
    }

    private static List<CallRecord> Turns(TrajectoryFile file) =>
        [.. file.Calls.Where(c => c.Schema == "character_turn" && c.ByModel)];

    [Fact]
    public async Task Every_model_turn_records_its_three_candidates_and_plays_the_one_the_judge_picked()
    {
        var file = await SimulateAsync("three", CandidateCast(3), candidates: 3);

        Assert.Equal(3, file.Header.Candidates);
        var turns = Turns(file);
        Assert.NotEmpty(turns);
        foreach (var turn in turns)
        {
            var choice = Assert.IsType<CandidateChoice>(turn.Candidates);
            Assert.Equal(3, choice.Turns.Length);
            Assert.Equal(3, choice.Turns.Select(t => t.Seed).Distinct().Count());
            Assert.Equal(CandidateTurns.CandidateSeed(choice.Turns[0].Seed, 0), choice.Turns[0].Seed);
            // The call is the chosen candidate's own: its reply and its seed.
            Assert.Equal(choice.Turns[choice.Chosen].Raw, turn.Raw);
            Assert.Equal(choice.Turns[choice.Chosen].Seed, turn.Seed);
            var pick = Assert.IsType<CandidateCall>(choice.Pick);
            Assert.Equal("grammar-model", pick.Model);
            Assert.Equal((choice.Chosen + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), pick.Parsed?["choice"]?.GetValue<string>());
            Assert.Equal(pick.Parsed?["reason"]?.GetValue<string>().Trim(), choice.Reason);
            Assert.Contains("Candidate turns:", pick.Prompt!.Value[1].Text, StringComparison.Ordinal);
        }
        // Over a whole episode the judge does not always pick the first.
        Assert.Contains(turns, t => t.Candidates!.Chosen > 0);
    }

    [Fact]
    public async Task Under_the_characterbox_protocol_the_action_carries_the_candidates_and_the_judge_weighs_whole_turns()
    {
        var cast = EpisodeCast.Build(
            _recordings.World, player: null, director: true,
            role => EpisodeSpec.ModelIn(Recordings.GrammarModelReference, role),
            _ => new ModelRole { Client = GrammarModel.Create(), Model = "grammar-model", ContextTokens = 8192 },
            candidates: 3, protocol: EpisodeProtocol.CharacterBox);

        var file = await SimulateAsync("characterbox", cast, candidates: 3, EpisodeProtocol.CharacterBox);

        var carriers = file.Calls.Where(c => c.Candidates is not null).ToList();
        Assert.NotEmpty(carriers);
        foreach (var action in carriers)
        {
            // The action's prompt is the one every candidate answered; the line is asked after, from the action played.
            Assert.Equal("character_action", action.Schema);
            var choice = action.Candidates!;
            Assert.Equal(choice.Turns[choice.Chosen].Raw, action.Raw);
            Assert.All(choice.Turns, t => Assert.NotNull(t.Parsed?["command"]));
        }
        // The judge reads each candidate's whole turn: its action and the line said with it.
        var picks = carriers.Select(c => c.Candidates!.Pick).OfType<CandidateCall>().Select(p => p.Prompt!.Value[1].Text).ToList();
        Assert.NotEmpty(picks);
        Assert.All(picks, listed => Assert.Contains("action: ", listed, StringComparison.Ordinal));
        Assert.Contains(picks, listed => listed.Contains("dialogue: ", StringComparison.Ordinal));
        Assert.DoesNotContain(file.Calls, c => c.Schema == "character_dialogue" && c.Candidates is not null);
    }

    [Fact]
    public async Task An_episode_with_candidates_re_runs_identically_with_the_same_cast()
    {
        var file = await SimulateAsync("verified", CandidateCast(3), candidates: 3);

        var result = await Verification.RunAsync(file, RecordedWorld.Open(file), CandidateCast(3));

        Assert.True(result.Identical, result.FirstDifference?.ToString());
        Assert.Equal(file.MainBranch().Length, result.Compared);
    }

    [Fact]
    public async Task Replaying_from_the_recording_plays_the_chosen_turns_and_tells_the_same_story()
    {
        var file = await SimulateAsync("replayed", CandidateCast(2), candidates: 2);
        var recorded = new RecordedChatClient(file.Calls);
        var cast = RecordedCast.Build(file, _recordings.World, recorded);
        var output = Path.Combine(_recordings.Folder, "replayed-again.jsonl");

        var spec = EpisodeSpec.Of(file.Header);
        IReadOnlyList<string> notes;
        using (var writer = TrajectoryWriter.Create(output, spec.Header("test", DateTimeOffset.UnixEpoch)))
        {
            notes = await RecordedPlayer.WholeTree(file).PlayAsync(new GameSession(_recordings.World, cast, spec.SessionOptions(writer)), CancellationToken.None);
        }

        Assert.Empty(notes);
        Assert.Empty(recorded.Notes);
        var again = TrajectoryFile.Read(output);
        Assert.Equal(file.Events.Select(e => TrajectoryLines.Of(e)), again.Events.Select(e => TrajectoryLines.Of(e)));
        Assert.Equal(Turns(file).Select(t => t.Raw), Turns(again).Select(t => t.Raw));
    }

    [Fact]
    public async Task One_candidate_plays_exactly_as_a_plain_model_cast_and_records_no_candidates()
    {
        var plain = await SimulateAsync("plain", _recordings.ModelCast(), candidates: 1);
        var one = await SimulateAsync("one", CandidateCast(1), candidates: 1);

        Assert.All(CandidateCast(1).Characters.Values, agent => Assert.IsType<ModelCharacter>(agent));
        Assert.Null(one.Header.Candidates);
        Assert.DoesNotContain("candidates", TrajectoryLines.Of(one.Header), StringComparison.Ordinal);
        Assert.All(one.Calls, c => Assert.Null(c.Candidates));
        var (compared, difference) = TrajectoryComparison.FirstDifference(plain, one);
        Assert.Null(difference);
        Assert.True(compared > 10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-3)]
    [InlineData(CandidateTurns.MaxCount + 1)]
    public void A_count_outside_two_to_the_most_is_refused_with_the_range(int count)
    {
        var role = new ModelRole { Client = GrammarModel.Create(), Model = "grammar-model" };

        var error = Assert.Throws<Core.TaleForgeException>(() => new CandidateTurns(new ModelCharacter(role), count, role));

        Assert.Contains($"2 to {CandidateTurns.MaxCount} candidates, not {count}", error.Message, StringComparison.Ordinal);
    }
}
