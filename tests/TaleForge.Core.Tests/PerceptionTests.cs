using TaleForge.Core.Events;
using TaleForge.Core.State;
using static TaleForge.Core.Perception.Perception;

namespace TaleForge.Core.Tests;

public class PerceptionTests
{
    private static readonly WorldState Start = WorldState.Initial(TestWorld.Harbour());

    private static string[] Seen(WorldState state, WorldEvent e) => [.. Observers(state, state.Apply(e), e)];

    [Fact]
    public void An_action_is_seen_by_everyone_in_the_same_place_and_nobody_else()
    {
        Assert.Equal(["mara", "tomas"], Seen(Start, new WorldEvent.Acted("tomas", "coils the rope")));
    }

    [Fact]
    public void Speech_carries_through_an_audible_exit()
    {
        Assert.Equal(["ines", "mara", "tomas"], Seen(Start, new WorldEvent.Said("mara", "Ahoy!")));
    }

    [Fact]
    public void Speech_does_not_carry_through_an_ordinary_exit()
    {
        var state = Start
            .Apply(new WorldEvent.FlagSet("trapdoor_open"))
            .Apply(new WorldEvent.Moved("ines", "tower", "lamp_room", "up"));
        Assert.Equal(["ines"], Seen(state, new WorldEvent.Said("ines", "Anyone there?")));
    }

    [Fact]
    public void A_move_is_seen_from_both_ends()
    {
        Assert.Equal(["ines", "mara", "tomas"], Seen(Start, new WorldEvent.Moved("tomas", "quay", "tower", "north")));
    }

    [Fact]
    public void A_mind_is_private_and_a_summary_belongs_to_the_narrator()
    {
        var memory = new Memory("The key is cold.", 0.4, new GameTime(1, 600), MemoryKind.Observation);
        Assert.Equal(["tomas"], Seen(Start, new WorldEvent.MemoryAdded("tomas", memory)));
        Assert.Empty(Seen(Start, new WorldEvent.Narrated("Mara arrived.", NarrationKind.Summary)));
        Assert.Empty(Seen(Start, new WorldEvent.FlagSet("x")));
    }

    [Fact]
    public void Located_narration_is_perceived_by_those_at_that_location()
    {
        Assert.Equal(["ines"], Seen(Start, new WorldEvent.Narrated("A draught.", NarrationKind.Result) { Location = "tower" }));
    }
}
