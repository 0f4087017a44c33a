using System.Text.Json.Nodes;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>
/// A game played with <c>play --director</c> on the tiny model and saved: its re-runs (verification and the swap)
/// run the director phase again, because the cast is derived from the episode spec the save recorded.
/// </summary>
[NeedsNativeLibrary]
[Slow]
public sealed class DirectorReplayTests(DirectorReplayTests.DirectedGame game) : IClassFixture<DirectorReplayTests.DirectedGame>
{
    /// <summary>One game for the class, played as Ines with the director on; playing is the slow part.</summary>
    public sealed class DirectedGame : IAsyncLifetime
    {
        private readonly TemporaryFolder _folder = new();

        public string Folder => _folder.Path;
        public string Model { get; private set; } = "";
        public string Trajectory { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Model = Recorded.TinyModel(Folder);
            var script = _folder.Write("moves.txt", "say Maud, the lamp is dark.\n/quit\n");
            var saves = Path.Combine(Folder, "saves");
            var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--as", "ines", "--model", Model, "-c", "8192",
                "--director", "--script", script, "--saves", saves, "--save", "directed");
            Assert.True(run.ExitCode == 0, run.Error);
            Trajectory = Path.Combine(saves, "directed", SaveSlot.TrajectoryFileName);
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }

    private static List<CallRecord> DirectorCalls(string trajectory) =>
        [.. TrajectoryFile.Read(trajectory).MainBranch().OfType<CallRecord>().Where(c => c.Role == Role.Director)];

    [Fact]
    public async Task A_saved_game_played_with_the_director_verifies_with_its_director_phase()
    {
        var (trajectory, model) = (game.Trajectory, game.Model);
        var kept = Path.Combine(game.Folder, "verified");

        var run = await Cli.RunAsync("replay", trajectory, "--verify", "--json", "--model", model, "--out", kept);

        Assert.True(TrajectoryFile.Read(trajectory).Header.Director);
        var recorded = DirectorCalls(trajectory);
        Assert.NotEmpty(recorded);
        Assert.All(recorded, c => Assert.Equal("direction", c.Schema));
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var result = JsonNode.Parse(run.Output)!;
        Assert.True((bool)result["identical"]!, run.Output);
        Assert.Null(result["first_difference"]);
        var rerun = (string)result["rerun"]!;
        Assert.True(TrajectoryFile.Read(rerun).Header.Director);
        Assert.Equal(recorded.Select(c => (c.Step, c.Raw)), DirectorCalls(rerun).Select(c => (c.Step, c.Raw)));
    }

    [Fact]
    public async Task A_saved_game_played_with_the_director_swaps_a_character_with_its_director_phase()
    {
        var trajectory = game.Trajectory;
        var other = Recorded.TinyModel(game.Folder, seed: 44);
        var output = Path.Combine(game.Folder, "swapped");

        // The recorded model is asked again what Maud's new actions change, so the swap is told where it is.
        var run = await Cli.RunAsync("replay", trajectory, "--swap", $"maud={other}", "--model", game.Model, "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        var swapped = Path.Combine(output, "trajectory-swap-maud.jsonl");
        var header = TrajectoryFile.Read(swapped).Header;
        Assert.True(header.Director);
        Assert.Equal(("maud", "tiny-44.gguf"), (header.Swap!.Character, header.Swap.Model.File));
        var directed = DirectorCalls(swapped);
        Assert.NotEmpty(directed);
        // The director is the narrator's recorded model: its first direction, before Maud acts, is the recorded one.
        Assert.Equal(DirectorCalls(trajectory)[0].Raw, directed[0].Raw);
        Assert.All(directed, c => Assert.Equal("tiny-42.gguf", c.Model));
    }
}
