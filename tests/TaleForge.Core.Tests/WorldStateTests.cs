using TaleForge.Core.Events;
using TaleForge.Core.State;

namespace TaleForge.Core.Tests;

public class WorldStateTests
{
    [Fact]
    public void The_initial_state_puts_everyone_and_everything_where_the_author_did()
    {
        var state = WorldState.Initial(TestWorld.Harbour());

        Assert.Equal("quay", state.LocationOf("mara"));
        Assert.Equal("tower", state.LocationOf("ines"));
        Assert.Equal(ItemPlace.At("quay"), state.Items["lantern"]);
        Assert.Equal(ItemPlace.CarriedBy("tomas"), state.Items["key"]);
        Assert.Equal("wary", state.Character("mara").Emotion);
        Assert.Equal(new GameTime(1, 18 * 60), state.Clock);
    }

    [Fact]
    public void Applying_events_one_at_a_time_equals_applying_them_together()
    {
        var start = WorldState.Initial(TestWorld.Harbour());
        WorldEvent[] events =
        [
            new WorldEvent.SceneStarted("arrival"),
            new WorldEvent.RoundStarted(1),
            new WorldEvent.Took("mara", "lantern", "quay"),
            new WorldEvent.Moved("mara", "quay", "tower", "north"),
            new WorldEvent.EmotionChanged("mara", "relieved"),
            new WorldEvent.FlagSet("storm"),
            new WorldEvent.ClockAdvanced(10),
            new WorldEvent.TriggerFired("storm_breaks"),
        ];

        var stepwise = events.Aggregate(start, (s, e) => s.Apply(e));
        var together = start.Apply(events);

        Assert.Equal(stepwise.Characters, together.Characters);
        Assert.Equal(stepwise.Items, together.Items);
        Assert.Equal(["storm"], together.Flags);
        Assert.Equal(new GameTime(1, 18 * 60 + 10), together.Clock);
        Assert.Equal(1, together.Scene!.Round);
        Assert.Contains("storm_breaks", together.Scene.FiredTriggers);
        Assert.Equal("relieved", together.Character("mara").Emotion);
    }

    [Fact]
    public void The_clock_rolls_over_midnight_into_the_next_day()
    {
        Assert.Equal(new GameTime(2, 15), new GameTime(1, 23 * 60 + 50).Advance(25));
    }

    [Fact]
    public void Old_states_are_untouched_by_later_events()
    {
        var start = WorldState.Initial(TestWorld.Harbour());
        _ = start.Apply(new WorldEvent.Took("mara", "lantern", "quay"));
        Assert.Equal(ItemPlace.At("quay"), start.Items["lantern"]);
    }
}
