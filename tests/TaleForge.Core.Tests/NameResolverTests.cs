using TaleForge.Core.Rules;
using TaleForge.Core.State;

namespace TaleForge.Core.Tests;

public class NameResolverTests
{
    private static readonly WorldState Start = WorldState.Initial(TestWorld.Harbour());

    [Theory]
    [InlineData("lantern", "lantern")]
    [InlineData("the Storm Lantern", "lantern")]
    [InlineData("lamp", "lantern")]
    [InlineData("key", "key")]
    [InlineData("old", "anchor")]
    [InlineData("boat", null)]
    public void Items_resolve_by_id_name_alias_or_a_word_of_the_name(string text, string? expected)
    {
        Assert.Equal(expected, NameResolver.Item(Start, text, ["lantern", "anchor"]));
    }

    [Fact]
    public void Characters_resolve_by_first_name_and_alias()
    {
        Assert.Equal("tomas", NameResolver.Character(Start, "tomas", []));
        Assert.Equal("tomas", NameResolver.Character(Start, "Reyes", []));
        Assert.Null(NameResolver.Character(Start, "Zed", []));
    }

    [Theory]
    [InlineData("up", "lamp_room")]
    [InlineData("u", "lamp_room")]
    [InlineData("trapdoor", "lamp_room")]
    [InlineData("lamp room", "lamp_room")]
    [InlineData("south", "quay")]
    [InlineData("west", null)]
    public void Exits_resolve_by_direction_label_or_destination(string text, string? expected)
    {
        Assert.Equal(expected, NameResolver.Exit(Start, "tower", text)?.To);
    }

    [Fact]
    public void Chinese_direction_words_name_exits_in_a_chinese_world()
    {
        var chinese = WorldState.Initial(TestWorld.Harbour("zh"));
        Assert.Equal("tower", NameResolver.Exit(chinese, "quay", "北")?.To);
    }
}
