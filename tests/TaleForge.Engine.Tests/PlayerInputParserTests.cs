using TaleForge.Core.Decisions;
using TaleForge.Core.Phrasing;
using TaleForge.Engine.Play;

namespace TaleForge.Engine.Tests;

public class PlayerInputParserTests
{
    private static readonly PlayerInputParser English = new(Phrasebook.English);
    private static readonly PlayerInputParser Chinese = new(Phrasebook.Chinese);

    private static CharacterTurn TurnOf(PlayerInput input) => Assert.IsType<PlayerInput.Turn>(input).Decision;

    [Theory]
    [InlineData("look")]
    [InlineData("l")]
    [InlineData("看")]
    public void Look_is_a_question(string text) =>
        Assert.IsType<Query.Look>(Assert.IsType<PlayerInput.Ask>(English.Parse(text)).Query);

    [Theory]
    [InlineData("x lantern", "lantern")]
    [InlineData("examine the old anchor", "the old anchor")]
    [InlineData("look at rope", "rope")]
    [InlineData("查看铁钥匙", "铁钥匙")]
    public void Examine_names_its_target(string text, string target) =>
        Assert.Equal(new Query.Examine(target), Assert.IsType<PlayerInput.Ask>(Chinese.Parse(text)).Query);

    [Theory]
    [InlineData("n", "north")]
    [InlineData("up", "up")]
    [InlineData("go trapdoor", "trapdoor")]
    [InlineData("walk to the lamp room", "the lamp room")]
    [InlineData("去灯室", "灯室")]
    public void Movement_becomes_a_go_command(string text, string exit) =>
        Assert.Equal(new WorldCommand.Go(exit), TurnOf(English.Parse(text)).Command);

    [Fact]
    public void Give_names_item_and_recipient_and_targets_the_recipient()
    {
        var turn = TurnOf(English.Parse("give the iron key to Tomas"));
        Assert.Equal(new WorldCommand.Give("the iron key", "Tomas"), turn.Command);
        Assert.Equal<string>(["Tomas"], turn.Targets);

        var chinese = TurnOf(Chinese.Parse("把钥匙交给老周"));
        Assert.Equal(new WorldCommand.Give("钥匙", "老周"), chinese.Command);
    }

    [Theory]
    [InlineData("take lamp", "lamp")]
    [InlineData("pick up the lamp", "the lamp")]
    [InlineData("拿起灯", "灯")]
    public void Take_names_the_item(string text, string item) =>
        Assert.Equal(new WorldCommand.Take(item), TurnOf(English.Parse(text)).Command);

    [Fact]
    public void Say_modes_produce_dialogue_with_or_without_an_addressee()
    {
        Assert.Equal("Evening.", TurnOf(English.Parse("say Evening.")).Dialogue);
        Assert.Equal("Evening.", TurnOf(English.Parse("\"Evening.\"")).Dialogue);
        var addressed = TurnOf(English.Parse("say to Tomas: where is the key?"));
        Assert.Equal("where is the key?", addressed.Dialogue);
        Assert.Equal<string>(["Tomas"], addressed.Targets);
        Assert.Equal("你好", TurnOf(Chinese.Parse("对老周说：你好")).Dialogue);
    }

    [Fact]
    public void Talking_to_someone_is_an_action_aimed_at_them()
    {
        var turn = TurnOf(English.Parse("ask Tomas about the key"));
        Assert.Equal("asks Tomas about the key", turn.Action);
        Assert.Equal<string>(["Tomas"], turn.Targets);
    }

    [Fact]
    public void Do_and_unrecognised_text_are_free_actions_in_the_third_person()
    {
        Assert.Equal("waves at the boat", TurnOf(English.Parse("do wave at the boat")).Action);
        Assert.Equal("hums an old shanty", TurnOf(English.Parse("hum an old shanty")).Action);
    }

    [Fact]
    public void Story_mode_narrates()
    {
        Assert.Equal("Fog rolls in.", TurnOf(English.Parse("story Fog rolls in.")).Story);
    }

    [Theory]
    [InlineData("/undo", MetaCommand.Undo, "")]
    [InlineData("/save harbour-1", MetaCommand.Save, "harbour-1")]
    [InlineData("/quit", MetaCommand.Quit, "")]
    [InlineData("quit", MetaCommand.Quit, "")]
    [InlineData("/dance", MetaCommand.Unknown, "dance")]
    public void Slash_commands_are_meta(string text, MetaCommand command, string argument) =>
        Assert.Equal(new PlayerInput.Meta(command, argument), English.Parse(text));
}
