using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests;

public class PlayerTests
{
    private static async Task<GameSession> StartedAsMara()
    {
        var world = TestWorld.Harbour();
        var session = new GameSession(world, Cast.Authored(world, player: "mara"));
        await session.RunAsync();
        return session;
    }

    [Fact]
    public async Task Play_stops_for_the_players_turn()
    {
        var session = await StartedAsMara();
        Assert.True(session.AwaitingPlayer);
        Assert.Equal("mara", session.Narrator.Queue[0]);
        Assert.False(session.Cast.Characters.ContainsKey("mara"));
    }

    [Fact]
    public async Task Questions_cost_no_turn_and_only_the_player_notices_the_answer()
    {
        var session = await StartedAsMara();
        var look = session.Ask("mara", new Query.Look());

        Assert.Equal(
            "the Quay\nWet stones and a coiled rope.\nDusk on the quay.\nTomas Reyes is here.\nYou see the old anchor and the storm lantern.\nExits: north.",
            look);
        Assert.Equal("Tarred and stiff with salt.", session.Ask("mara", new Query.Examine("rope")));
        Assert.Equal("You are carrying nothing.", session.Ask("mara", new Query.Inventory()));
        Assert.Equal("You can't see any \u201cwhale\u201d here.", session.Ask("mara", new Query.Examine("whale")));
        Assert.True(session.AwaitingPlayer);
        Assert.All(session.Log.Where(e => e.Event is WorldEvent.Noticed), e => Assert.Equal<string>(["mara"], e.Observed.Observers));
    }

    [Fact]
    public async Task A_submitted_turn_goes_through_the_rules_and_play_continues_to_the_next_turn()
    {
        var session = await StartedAsMara();
        await session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Take("lantern") });

        Assert.True(session.State.Carries("mara", "lantern"));
        Assert.True(session.AwaitingPlayer);
        Assert.Equal(2, session.State.Scene!.Round);
    }

    [Fact]
    public async Task Submitting_out_of_turn_is_an_error_for_the_caller()
    {
        var world = TestWorld.Harbour();
        var session = new GameSession(world, Cast.Authored(world, player: "mara"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.SubmitAsync(new CharacterTurn()));
    }

    [Fact]
    public async Task Undo_returns_to_the_previous_turn_exactly()
    {
        var session = await StartedAsMara();
        var before = session.State;
        var logLength = session.Log.Count;
        await session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Take("lantern") });

        Assert.True(session.Undo());

        Assert.Same(before, session.State);
        Assert.Equal(logLength, session.Log.Count);
        Assert.True(session.AwaitingPlayer);
        Assert.False(session.Undo());

        await session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Go("north") });
        Assert.True(session.Log[logLength].Step > logLength, "steps are never reused after an undo");
        Assert.Equal(session.Log[logLength - 1].Step, session.Log[logLength].Parent);
    }

    [Fact]
    public async Task The_story_ends_with_the_player_in_it_when_the_scenes_three_rounds_are_over()
    {
        var session = await StartedAsMara();
        var turns = 0;
        // The arrival ends after three rounds; a story still asking for turns after ten has lost its ending.
        while (session.AwaitingPlayer && turns < 10)
        {
            await session.SubmitAsync(new CharacterTurn { Action = "waits" });
            turns++;
        }

        Assert.True(session.IsFinished);
        Assert.Equal(3, turns);
        Assert.Equal(3, session.Log.Count(e => e.Event is WorldEvent.Acted { Character: "mara", Action: "waits" }));
        Assert.Equal([1, 2, 3], session.Log.Select(e => e.Event).OfType<WorldEvent.RoundStarted>().Select(r => r.Round));
        Assert.Equal(new WorldEvent.SceneEnded("arrival", "rounds"), session.Log.Select(e => e.Event).OfType<WorldEvent.SceneEnded>().Single());
        Assert.IsType<WorldEvent.StoryEnded>(session.Log[^1].Event);
    }
}
