using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Export;

namespace TaleForge.Research.Tests;

[Slow]
public sealed class CandidatePairTests : IDisposable
{
    private readonly Recordings _recordings = new();

    public void Dispose() => _recordings.Dispose();

    [Fact]
    public async Task A_simulation_with_three_candidates_yields_two_pairs_per_turn_the_pick_over_each_other()
    {
        var cast = EpisodeCast.Build(
            _recordings.World, player: null, director: true,
            role => EpisodeSpec.ModelIn(Recordings.GrammarModelReference, role),
            _ => new Engine.Agents.Models.ModelRole { Client = GrammarModel.Create(), Model = "grammar-model", ContextTokens = 8192 },
            candidates: 3);
        var spec = _recordings.Spec(cast, new SessionOptions { Seed = 9, RoundLimit = 2 }, Recordings.GrammarModelReference) with { Candidates = 3 };
        var results = await Simulator.RunAsync([new Episode("pairs", _recordings.World, spec)], _ => cast, "test", _recordings.Folder, parallel: 1);
        var file = TrajectoryFile.Read(results.Single().Trajectory);

        var pairs = PreferencePairs.From(file).Where(p => p.Source == PairSource.Candidate).ToList();

        var turns = file.Calls.Where(c => c.Candidates is not null).ToList();
        Assert.NotEmpty(turns);
        Assert.Equal(2 * turns.Count, pairs.Count);
        foreach (var turn in turns)
        {
            var ofTurn = pairs.Where(p => ReferenceEquals(p.Chosen, turn)).ToList();
            Assert.Equal(2, ofTurn.Count);
            Assert.All(ofTurn, p => Assert.Equal(turn.Raw, p.ChosenText));
            var others = turn.Candidates!.Turns.Where((_, i) => i != turn.Candidates.Chosen).Select(t => t.Raw);
            Assert.Equal(others, ofTurn.Select(p => p.RejectedText));
        }
        var records = pairs.Select(p => PreferencePairs.ToJson(file, p)).ToList();
        Assert.All(records, r => Assert.Equal("candidate", r["source"]!.GetValue<string>()));
        Assert.Equal(records.Count, records.Select(r => r["id"]!.GetValue<string>()).Distinct().Count());
    }
}
