using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Core.State;

namespace TaleForge.Core.Tests;

/// <summary>What the player types reads back in good English and Chinese; typos are measured; overheard speech says where it comes from.</summary>
public class PlayerWordingTests
{
    private static readonly WorldState English = WorldState.Initial(TestWorld.Harbour());
    private static readonly WorldState Chinese = WorldState.Initial(TestWorld.Harbour("zh"));

    [Theory]
    [InlineData("sit by the fire", "You sit by the fire.", "Mara sits by the fire.")]
    [InlineData("sits by the fire", "You sit by the fire.", "Mara sits by the fire.")]
    [InlineData("exits", "You exit.", "Mara exits.")]
    [InlineData("echo the call", "You echo the call.", "Mara echoes the call.")]
    [InlineData("carry the oar", "You carry the oar.", "Mara carries the oar.")]
    [InlineData("press the bell", "You press the bell.", "Mara presses the bell.")]
    public void A_free_action_reads_in_the_second_person_to_the_player_and_the_third_to_others(string typed, string you, string others)
    {
        var action = Phrasebook.English.ThirdPersonAction(typed);
        var acted = new WorldEvent.Acted("mara", action);
        Assert.Equal(you, EventText.Describe(acted, English, "mara"));
        Assert.Equal(others, EventText.Describe(acted, English, "tomas"));
    }

    [Fact]
    public void An_action_the_rules_do_not_know_is_told_as_an_attempt_in_both_languages()
    {
        var english = new WorldEvent.Acted("mara", Phrasebook.English.TriedAction("fill the lamp with paraffin"));
        Assert.Equal("You try to fill the lamp with paraffin, but nothing comes of it.", EventText.Describe(english, English, "mara"));
        Assert.Equal("Mara tries to fill the lamp with paraffin, but nothing comes of it.", EventText.Describe(english, English, "tomas"));
        var chinese = new WorldEvent.Acted("mara", Phrasebook.Chinese.TriedAction("给灯添油"));
        Assert.Equal("你试着给灯添油，但什么也没有发生。", EventText.Describe(chinese, Chinese, "mara"));
    }

    [Fact]
    public void Speech_heard_from_a_neighbouring_place_says_where_it_comes_from()
    {
        var said = new WorldEvent.Said("ines", "Who's there?");
        Assert.Equal("From the Tower Stair, Ines says: \u201cWho's there?\u201d", EventText.Describe(said, English, "mara"));
        Assert.Equal("Ines says: \u201cWho's there?\u201d", EventText.Describe(said, English, null));
        var chinese = new WorldEvent.Said("ines", "谁在那儿？");
        Assert.Equal("从the Tower Stair传来Ines的声音：\u201c谁在那儿？\u201d", EventText.Describe(chinese, Chinese, "mara"));
    }

    [Theory]
    [InlineData("exmaine", "examine", 1)]
    [InlineData("invnetory", "inventory", 1)]
    [InlineData("tkae", "take", 1)]
    [InlineData("lantren", "lantern", 1)]
    [InlineData("油登", "油灯", 1)]
    [InlineData("drop", "take", 4)]
    public void Edit_distance_counts_a_swap_of_neighbours_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
    }

    [Theory]
    [InlineData("exmaine", "examine")]
    [InlineData("lokk", "look")]
    [InlineData("油登", "油灯")]
    [InlineData("dance", null)]
    [InlineData("examine", null)]
    public void The_nearest_known_word_is_offered_only_within_a_typos_reach(string typed, string? expected)
    {
        Assert.Equal(expected, EditDistance.Nearest(typed, ["examine", "look", "take", "drop", "油灯", "灶台"]));
    }

    [Fact]
    public void A_name_that_fits_several_things_in_reach_gives_all_of_them_and_an_exact_name_gives_one()
    {
        var world = TestWorld.Harbour();
        world = world with { Items = [.. world.Items, new Definitions.ItemDefinition { Id = "hurricane", Name = "hurricane lantern" }] };
        var state = WorldState.Initial(world);

        Assert.Equal(["hurricane", "lantern"], NameResolver.Matches(state, "the lantern", ["lantern", "hurricane", "anchor"]).Order(StringComparer.Ordinal));
        Assert.Equal(["lantern"], NameResolver.Matches(state, "the storm lantern", ["lantern", "hurricane"]));
        Assert.Equal(["lantern"], NameResolver.Matches(state, "the lantern", ["lantern", "anchor"]));
        Assert.Equal(["hurricane"], NameResolver.Matches(state, "hurricane", ["lantern", "hurricane"]));
        Assert.Empty(NameResolver.Matches(state, "the lantern", ["anchor"]));
    }
}
