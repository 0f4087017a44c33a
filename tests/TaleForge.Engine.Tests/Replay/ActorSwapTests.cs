using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

public sealed class ActorSwapTests : IDisposable
{
    private readonly Recordings _recordings = new();

    public void Dispose() => _recordings.Dispose();

    private static readonly ModelReference Other = new() { Role = Role.Character("tomas"), File = "steady-B", Sha256 = "b0" };

    /// <summary>An episode with every role on the steady model "A", the player included or not.</summary>
    private async Task<TrajectoryFile> Recorded(string? player)
    {
        var path = Path.Combine(_recordings.Folder, $"steady-{player ?? "observed"}.jsonl");
        var cast = _recordings.ModelCast(SteadyModel.Create("A"), player);
        var options = new SessionOptions { Seed = 3, RoundLimit = 2 };
        using (var writer = TrajectoryWriter.Create(path, _recordings.Spec(cast, options, Recordings.GrammarModelReference).Header("test", DateTimeOffset.UnixEpoch)))
        {
            var session = new GameSession(_recordings.World, cast, options with { Trajectory = writer });
            await session.RunAsync();
            // Two rounds take two turns at most; more means the round limit was lost.
            for (var turn = 0; session.AwaitingPlayer; turn++)
            {
                Assert.True(turn < 2, "the player was asked for a third turn in a two-round episode");
                await session.SubmitAsync(new Core.Decisions.CharacterTurn { Action = "looks out to sea", Dialogue = "Quiet tonight." });
            }
            Assert.True(session.IsFinished);
        }
        return TrajectoryFile.Read(path);
    }

    private static ILookup<(string Role, string Schema), CallRecord> ByRole(TrajectoryFile file) =>
        file.MainBranch().OfType<CallRecord>().ToLookup(c => (c.Role.ToString(), c.Schema));

    [Theory]
    [InlineData(null)]
    [InlineData("mara")]
    public async Task An_actor_swap_changes_only_the_swapped_characters_calls(string? player)
    {
        var original = await Recorded(player);
        var swapModel = new ModelCharacter(new ModelRole { Client = SteadyModel.Create("B"), Model = "steady-B", ContextTokens = 8192 });

        var result = await ActorSwap.RunAsync(original, RecordedWorld.Open(original), "tomas", swapModel, Other, deterministic: true, Path.Combine(_recordings.Folder, "swapped"));

        Assert.Empty(result.Notes);
        var swapped = TrajectoryFile.Read(result.Trajectory);
        var before = ByRole(original);
        var after = ByRole(swapped);
        Assert.Equal(before.Select(g => g.Key).Order(), after.Select(g => g.Key).Order());
        foreach (var calls in before.Where(g => g.Key.Role != "character:tomas"))
        {
            var again = after[calls.Key].ToList();
            Assert.Equal(calls.Select(c => c.Raw), again.Select(c => c.Raw));
            Assert.Equal(calls.Select(c => c.Parsed?.ToJsonString()), again.Select(c => c.Parsed?.ToJsonString()));
        }
        var tomas = after.Where(g => g.Key.Role == "character:tomas").SelectMany(g => g).ToList();
        Assert.NotEmpty(tomas);
        Assert.All(tomas, c => Assert.Contains("B ", c.Raw, StringComparison.Ordinal));
        Assert.All(tomas, c => Assert.Equal("steady-B", c.Model));
        // The others' situation changed where Tomas's words reach them: the narrator's prompts now quote B.
        Assert.Contains(after[("narrator", "result")], c => c.Prompt[^1].Text.Contains("Tomas Reyes reacted: B nods and said \"B answers\"", StringComparison.Ordinal));
        Assert.DoesNotContain(before[("narrator", "result")], c => c.Prompt[^1].Text.Contains("B answers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_recorded_models_a_swap_asks_them_again_wherever_the_new_actions_changed_the_prompt()
    {
        var original = await Recorded(null);
        var swapModel = new ModelCharacter(new ModelRole { Client = SteadyModel.Create("B"), Model = "steady-B", ContextTokens = 8192 });
        // The recorded model (voice "A"), loaded again, answers in a voice of its own ("C"), so a reply asked again shows
        // it was asked, and a reply copied from the recording shows it was not.
        var recordedModel = original.Calls.First(c => c.Role == Role.Narrator).Model;
        var live = new Dictionary<string, Microsoft.Extensions.AI.IChatClient> { [recordedModel] = SteadyModel.Create("C") };

        var result = await ActorSwap.RunAsync(original, RecordedWorld.Open(original), "tomas", swapModel, Other, deterministic: true,
            Path.Combine(_recordings.Folder, "reasked"), live);

        var swapped = TrajectoryFile.Read(result.Trajectory);
        Assert.Equal(recordedModel, Assert.Single(swapped.Header.Swap!.Reasked));
        var calls = swapped.MainBranch().OfType<CallRecord>().ToList();
        var firstSwappedTurn = calls.FindIndex(c => c.Role == Role.Character("tomas"));
        Assert.True(firstSwappedTurn > 0, "Tomas acts after others have been asked");
        // Before Tomas first acts, every other call is the recording's, copied.
        Assert.All(calls.Take(firstSwappedTurn), c => Assert.DoesNotContain("C ", c.Raw, StringComparison.Ordinal));
        // The narrator's results that tell B's actions were asked again (voice C), their prompts holding the new actions.
        var results = calls.Skip(firstSwappedTurn).Where(c => c.Role == Role.Narrator && c.Schema == "result").ToList();
        var onNewActions = results.Where(c => c.Prompt[^1].Text.Contains("B ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(onNewActions);
        Assert.All(onNewActions, c => Assert.Equal("""{"narration":"C result"}""", c.Raw));
        Assert.InRange(result.Reasked, onNewActions.Count, calls.Count - firstSwappedTurn);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public async Task The_swapped_trajectory_says_what_was_swapped_and_keeps_the_recorded_settings()
    {
        var original = await Recorded(null);
        var swapModel = new ModelCharacter(new ModelRole { Client = SteadyModel.Create("B"), Model = "steady-B" });

        var result = await ActorSwap.RunAsync(original, RecordedWorld.Open(original), "tomas", swapModel, Other, deterministic: true, _recordings.Folder);

        var header = TrajectoryFile.Read(result.Trajectory).Header;
        Assert.Equal(Path.Combine(_recordings.Folder, "steady-observed-swap-tomas.jsonl"), result.Trajectory);
        Assert.Equal(("steady-observed.jsonl", "tomas", Role.Character("tomas"), "steady-B", "b0"),
            (header.Swap!.Trajectory, header.Swap.Character, header.Swap.Model.Role, header.Swap.Model.File, header.Swap.Model.Sha256));
        Assert.Single(header.Models, m => m.Role == Role.Character("tomas") && m.File == "steady-B");
        Assert.Equal((original.Header.Seed, original.Header.RoundLimit, original.Header.World), (header.Seed, header.RoundLimit, header.World));
        Assert.True(original.Header.Deterministic);
        Assert.True(header.Deterministic);
        var again = await Assert.ThrowsAsync<Core.TaleForgeException>(() =>
            ActorSwap.RunAsync(original, RecordedWorld.Open(original), "tomas", swapModel, Other, deterministic: true, _recordings.Folder));
        Assert.Contains("already exists", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_swap_to_a_backend_without_identical_reruns_does_not_promise_them()
    {
        var original = await Recorded(null);
        var swapModel = new ModelCharacter(new ModelRole { Client = SteadyModel.Create("B"), Model = "steady-B" });

        var result = await ActorSwap.RunAsync(original, RecordedWorld.Open(original), "tomas", swapModel, Other, deterministic: false, _recordings.Folder);

        Assert.True(original.Header.Deterministic);
        Assert.False(TrajectoryFile.Read(result.Trajectory).Header.Deterministic);
    }

    [Fact]
    public async Task A_request_the_recording_never_saw_falls_back_to_the_failed_model_path_and_is_noted()
    {
        // The rules narrate: whoever is named in a turn is affected. Voice "A" names no one, so nobody ever reacted.
        var path = Path.Combine(_recordings.Folder, "ruled.jsonl");
        var cast = _recordings.ModelCast(SteadyModel.Create("A")) with { Narrator = new Authored.RulesNarrator(), Director = false };
        var options = new SessionOptions { Seed = 3, RoundLimit = 1 };
        ModelReference[] models = [new() { Role = Role.Characters, File = "steady-A" }];
        using (var writer = TrajectoryWriter.Create(path, _recordings.Spec(cast, options, [.. models]).Header("test", DateTimeOffset.UnixEpoch)))
        {
            await new GameSession(_recordings.World, cast, options with { Trajectory = writer }).RunAsync();
        }
        var original = TrajectoryFile.Read(path);
        Assert.DoesNotContain(original.Calls, c => c.Schema == "reaction");

        // A Tomas in the voice of "Mara" names her, so she is affected and asked to react: a request never recorded.
        var swapModel = new ModelCharacter(new ModelRole { Client = SteadyModel.Create("Mara"), Model = "steady-Mara" });
        var result = await ActorSwap.RunAsync(original, RecordedWorld.Open(original), "tomas", swapModel, Other, deterministic: true, Path.Combine(_recordings.Folder, "out"));

        var note = Assert.Single(result.Notes);
        Assert.Matches(@"^step \d+: character:mara asked for reaction #1, which the recording does not have \(it has 0\); the game goes on as if the model had failed\.$", note);
        var reaction = Assert.Single(TrajectoryFile.Read(result.Trajectory).Calls, c => c.Schema == "reaction");
        Assert.Equal(Role.Character("mara"), reaction.Role);
        Assert.Null(reaction.Parsed);
        Assert.Contains("no recorded reply", reaction.Failure, StringComparison.Ordinal);
    }
}
