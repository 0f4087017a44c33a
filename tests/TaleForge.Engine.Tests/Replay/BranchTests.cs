using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

public sealed class BranchTests : IDisposable
{
    private readonly Recordings _recordings = new();

    public void Dispose() => _recordings.Dispose();

    [Slow]
    [Fact]
    public async Task The_main_branch_is_the_story_as_kept_and_holds_the_same_events_as_the_session()
    {
        var (path, session) = await _recordings.PlayedAsync("played", _recordings.ModelCast(player: "mara"));

        var file = TrajectoryFile.Read(path);
        var main = file.MainBranch();

        Assert.Equal(session.Log.Select(e => e.Step), main.OfType<EventRecord>().Select(e => e.Step));
        // The undone turns are in the file, but not on the main branch.
        Assert.True(file.Events.Count() > main.OfType<EventRecord>().Count());
        // The look came before the turns that were undone, so it went with them; the kept branch has the two turns.
        var decisions = main.OfType<CallRecord>().Where(c => c.Player is not null).Select(c => c.Schema).ToList();
        Assert.Equal([PlayerDecisions.TurnSchema, PlayerDecisions.TurnSchema], decisions);
        Assert.Equal([PlayerDecisions.QuerySchema, PlayerDecisions.TurnSchema, PlayerDecisions.TurnSchema, PlayerDecisions.TurnSchema, PlayerDecisions.TurnSchema], file.Calls.Where(c => c.Player is not null).Select(c => c.Schema));
        // Every model call on the branch was made from an event on the branch.
        var steps = main.OfType<EventRecord>().Select(e => e.Step).ToHashSet();
        Assert.All(main.OfType<CallRecord>(), c => Assert.True(c.Parent is null || steps.Contains(c.Parent.Value)));
        Assert.Equal(main.Select(r => r.Line).Order(), main.Select(r => r.Line));
    }

    [Slow]
    [Fact]
    public async Task The_branch_to_an_undone_step_is_the_story_as_it_went_before_the_undo()
    {
        var (path, _) = await _recordings.PlayedAsync("played", Cast.Authored(_recordings.World, "mara"));
        var file = TrajectoryFile.Read(path);
        var firstMove = file.Events.First(e => e.Event is WorldEvent.Moved { Character: "mara" });
        var keptMove = file.Events.Last(e => e.Event is WorldEvent.Moved { Character: "mara" });
        Assert.NotEqual(firstMove.Step, keptMove.Step);

        var undone = file.BranchTo(firstMove.Step);

        Assert.Equal(firstMove, undone[^1]);
        Assert.Single(undone.OfType<EventRecord>(), e => e.Event is WorldEvent.Took);
        Assert.DoesNotContain(keptMove, undone);
        Assert.Contains(keptMove, file.MainBranch());
    }

    [Slow]
    [Fact]
    public async Task The_branch_to_a_call_ends_at_that_call()
    {
        var (path, _) = await _recordings.PlayedAsync("played", _recordings.ModelCast(player: "mara"));
        var file = TrajectoryFile.Read(path);
        var call = file.MainBranch().OfType<CallRecord>().First(c => c.Schema == "influence");

        var branch = file.BranchTo(call.Step);

        Assert.Equal(call, branch[^1]);
        Assert.All(branch, r => Assert.True(r.Line <= call.Line));
    }

    [Fact]
    public async Task A_step_that_is_not_in_the_file_is_a_clear_error()
    {
        var (path, _) = await _recordings.PlayedAsync("played", Cast.Authored(_recordings.World, "mara"));
        var file = TrajectoryFile.Read(path);

        var error = Assert.Throws<Core.TaleForgeException>(() => file.BranchTo(99_999));

        Assert.Contains("has no step 99999; its steps run from 0 to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_player_returns_to_where_each_decision_was_made_and_grows_the_same_tree()
    {
        var (path, original) = await _recordings.PlayedAsync("played", Cast.Authored(_recordings.World, "mara"));
        var file = TrajectoryFile.Read(path);

        var again = new GameSession(_recordings.World, Cast.Authored(_recordings.World, "mara"), EpisodeSpec.Of(file.Header).SessionOptions());
        var notes = await RecordedPlayer.WholeTree(file).PlayAsync(again);

        Assert.Empty(notes);
        Assert.Equal(original.Log.Select(e => (e.Step, e.Event)), again.Log.Select(e => (e.Step, e.Event)));
        Assert.True(again.State.Carries("mara", "lantern"));
        Assert.Equal("tower", again.State.Character("mara").Location);
    }

    [Fact]
    public async Task A_players_question_is_recorded_as_a_decision_and_its_answer_as_noticed_by_them_alone()
    {
        var (path, _) = await _recordings.PlayedAsync("played", Cast.Authored(_recordings.World, "mara"));
        var file = TrajectoryFile.Read(path);

        var noticed = Assert.Single(file.Events, e => e.Event is WorldEvent.Noticed);

        Assert.Equal<string>(["mara"], noticed.Observers);
        Assert.StartsWith("the Quay\n", ((WorldEvent.Noticed)noticed.Event).Text, StringComparison.Ordinal);
        Assert.IsType<Query.Look>(file.Calls.First(c => c.Schema == PlayerDecisions.QuerySchema).Parsed.Deserialize<Query>());
    }
}

internal static class ParsedValues
{
    public static T? Deserialize<T>(this System.Text.Json.Nodes.JsonNode? node) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(node, TrajectoryJson.Options);
}
