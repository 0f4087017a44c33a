using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;

namespace TaleForge.Core.Tests;

public class EventTextTests
{
    private static readonly WorldState English = WorldState.Initial(TestWorld.Harbour());
    private static readonly WorldState Chinese = WorldState.Initial(TestWorld.Harbour("zh"));

    [Theory]
    [InlineData("mara", "You take the storm lantern.")]
    [InlineData("tomas", "Mara takes the storm lantern.")]
    [InlineData(null, "Mara takes the storm lantern.")]
    public void Taking_reads_in_the_viewers_person(string? viewer, string expected)
    {
        Assert.Equal(expected, EventText.Describe(new WorldEvent.Took("mara", "lantern", "quay"), English, viewer));
    }

    [Fact]
    public void A_move_reads_as_a_departure_behind_and_an_arrival_ahead()
    {
        var move = new WorldEvent.Moved("tomas", "quay", "tower", "north");
        var after = English.Apply(move);
        Assert.Equal("Tomas Reyes leaves north.", EventText.Describe(move, after, "mara"));
        Assert.Equal("Tomas Reyes arrives from the Quay.", EventText.Describe(move, after, "ines"));
        Assert.Equal("You go north to the Tower Stair.", EventText.Describe(move, after, "tomas"));
    }

    [Fact]
    public void A_stored_third_person_action_reads_in_the_second_person_for_its_actor()
    {
        var act = new WorldEvent.Acted("mara", "slowly coils the rope");
        Assert.Equal("You slowly coil the rope.", EventText.Describe(act, English, "mara"));
        Assert.Equal("Mara slowly coils the rope.", EventText.Describe(act, English, "tomas"));
    }

    [Theory]
    [InlineData("Mara coils the rope.", "Mara coils the rope.")]
    [InlineData("By the fire, Tomas Reyes flinches.", "By the fire, Tomas Reyes flinches.")]
    [InlineData("Below, a crutch scrapes on iron. Tomas is on the stair.", "Below, a crutch scrapes on iron. Tomas is on the stair.")]
    [InlineData("stares at Tomasina's boat", "Tomas Reyes stares at Tomasina's boat.")]
    public void An_action_that_names_its_actor_as_a_word_is_shown_as_written(string action, string expected)
    {
        var actor = action.Contains("Mara", StringComparison.Ordinal) ? "mara" : "tomas";
        Assert.Equal(expected, EventText.Describe(new WorldEvent.Acted(actor, action), English, "ines"));
    }

    [Theory]
    [InlineData("wave at Tomas", "waves at Tomas")]
    [InlineData("watch the sea", "watches the sea")]
    [InlineData("carry on", "carries on")]
    [InlineData("go", "goes")]
    public void A_players_imperative_becomes_a_third_person_action(string imperative, string expected)
    {
        Assert.Equal(expected, Phrasebook.English.ThirdPersonAction(imperative));
    }

    [Fact]
    public void A_refusal_names_the_item_in_the_viewers_person()
    {
        var veto = new WorldEvent.Vetoed("mara", "drop the iron key", new VetoReason.NotCarrying("key"));
        Assert.Equal("You aren't carrying the iron key.", EventText.Describe(veto, English, "mara"));
        Assert.Equal("Mara isn't carrying the iron key.", EventText.Describe(veto, English, "ines"));
    }

    [Fact]
    public void A_chinese_world_is_narrated_in_chinese()
    {
        Assert.Equal("你把iron key交给了Mara。", EventText.Describe(new WorldEvent.Gave("tomas", "key", "mara"), Chinese, "tomas"));
        Assert.Equal("Mara说：\u201c你好\u201d", EventText.Describe(new WorldEvent.Said("mara", "你好"), Chinese, "tomas"));
        Assert.Equal("从the Quay传来Mara的声音：\u201c你好\u201d", EventText.Describe(new WorldEvent.Said("mara", "你好"), Chinese, "ines"));
    }

    [Fact]
    public void Bookkeeping_has_no_text()
    {
        Assert.Null(EventText.Describe(new WorldEvent.FlagSet("storm"), English, "mara"));
        Assert.Null(EventText.Describe(new WorldEvent.ClockAdvanced(10), English, null));
    }
}
