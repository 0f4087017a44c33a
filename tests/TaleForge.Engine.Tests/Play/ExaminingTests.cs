using TaleForge.Core.Definitions;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests.Play;

/// <summary>
/// What a place's description names can be examined by any of its names at no cost; details join "which do you
/// mean" and "did you mean"; the player reads as themselves; a Chinese verb typo is asked about; free actions
/// are told in good English; in English and in Chinese.
/// </summary>
public sealed class ExaminingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-examine-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_detail_is_examined_by_its_name_or_an_alias_and_costs_no_turn()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var digest = StateDigest.Of(play.Session.State);

        await play.TypeAsync("x fire");
        var fire = play.Story[^1];
        await play.TypeAsync("examine the hearth");

        Assert.StartsWith("A driftwood fire, salt-blue at the edges.", fire, StringComparison.Ordinal);
        Assert.Equal(fire, play.Story[^1]);
        Assert.Equal(digest, StateDigest.Of(play.Session.State));
    }

    [Fact]
    public async Task A_word_that_fits_an_item_and_a_detail_asks_which_and_a_near_miss_is_suggested()
    {
        var world = TestWorld.Harbour();
        var quay = world.Locations[0] with { Details = [new DetailDefinition("storm drain", "Choked with weed.") { Aliases = ["drain", "grating"] }] };
        world = world with { Locations = [quay, .. world.Locations.Skip(1)] };
        using var controller = new PlayController(new GameSession(world, Cast.Authored(world, "mara")));
        var messages = new List<string>();
        var story = new List<string>();
        controller.Message += (_, m) => messages.Add(m.Text);
        controller.EventApplied += (_, e) => story.Add(e.TextFor("mara") ?? "");
        await controller.StartAsync();
        var before = StateDigest.Of(controller.Session.State);
        messages.Clear();

        await controller.HandleAsync("x storm");
        Assert.Equal(["Which do you mean: the storm lantern or the storm drain?"], messages);
        await controller.HandleAsync("the drain");
        Assert.Equal("Choked with weed.", story[^1]);
        await controller.HandleAsync("x grating");
        Assert.Equal("Choked with weed.", story[^1]);
        messages.Clear();
        await controller.HandleAsync("x gratign");
        Assert.Equal(["Did you mean grating?"], messages);
        Assert.Equal(before, StateDigest.Of(controller.Session.State));
    }

    [Fact]
    public async Task A_chinese_detail_is_examined_by_an_alias_and_a_mistyped_chinese_verb_is_asked_about()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);
        var digest = StateDigest.Of(play.Session.State);

        await play.TypeAsync("查看桌子");
        Assert.StartsWith("桌上整整齐齐码着二十饼新茶", play.Story[^1], StringComparison.Ordinal);
        Assert.Equal(["不明白\u201c查着\u201d。你是说\u201c查看铁壶\u201d吗？（是；或者答“不”照原样做）"], await play.TypeAsync("查着铁壶"));
        await play.TypeAsync("是");
        Assert.StartsWith("壶底熏得乌黑", play.Story[^1], StringComparison.Ordinal);
        Assert.Equal(["你是说铁壶吗？"], await play.TypeAsync("查看铁湖"));
        Assert.Equal("这里看不到\u201c铁湖\u201d。", play.Story[^1]);
        Assert.Equal(digest, StateDigest.Of(play.Session.State));
    }

    [Fact]
    public async Task Examining_yourself_tells_who_you_are_how_you_are_and_what_you_carry()
    {
        using var english = await HeadlessPlay.StartAsync("greywick", _folder);
        await english.TypeAsync("x me");
        Assert.Equal(
            "You are Ines Calder, a woman of forty in a Board-issue oilskin a size too big, with a navigator's habit of glancing at the sky before she answers anyone. "
            + "You are just inside the door, dripping on the flags. You are soaked from the causeway, the Board's letter buttoned inside her coat. "
            + "You are carrying the letter from the Lights Board.",
            english.Story[^1]);

        using var chinese = await HeadlessPlay.StartAsync("tea-house-rain", _folder);
        await chinese.TypeAsync("查看自己");
        Assert.Equal("你是阿沅。十七岁的采茶姑娘，袖口沾着茶渍，说话快，眼睛更快。你此刻蹲在炭炉边添炭，手上还有茶香，袖子湿了半截。你什么也没带。", chinese.Story[^1]);
    }

    [Theory]
    [InlineData("I sat by the fire", "You try to sit by the fire, but nothing comes of it.")]
    [InlineData("I'm sitting by the fire", "You try to sit by the fire, but nothing comes of it.")]
    [InlineData("I am waiting for Abel", "You try to wait for Abel, but nothing comes of it.")]
    [InlineData("sits down", "You try to sit down, but nothing comes of it.")]
    [InlineData("washes my hands", "You try to wash my hands, but nothing comes of it.")]
    [InlineData("I stood up", "You try to stand up, but nothing comes of it.")]
    [InlineData("look under the table", "You try to look under the table, but nothing comes of it.")]
    [InlineData("fill lamp with paraffin", "You try to fill lamp with paraffin, but nothing comes of it.")]
    [InlineData("press the bell", "You try to press the bell, but nothing comes of it.")]
    [InlineData("I went to sleep", "You try to go to sleep, but nothing comes of it.")]
    [InlineData("I am tired", "You try to be tired, but nothing comes of it.")]
    public async Task Free_actions_are_told_as_attempts_in_good_english(string typed, string told)
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        await play.TypeAsync(typed);

        Assert.Contains(told, play.Story);
    }

    [Fact]
    public void The_parser_puts_a_free_action_in_its_base_form_and_third_person()
    {
        var parser = new PlayerInputParser(Core.Phrasing.Phrasebook.English);

        var sat = Assert.IsType<PlayerInput.Turn>(parser.Parse("I sat by the fire"));
        var carries = Assert.IsType<PlayerInput.Turn>(parser.Parse("carries the can upstairs"));

        Assert.Equal("sit by the fire", sat.FreeAction);
        Assert.Equal("sits by the fire", sat.Decision.Action);
        Assert.Equal("carry the can upstairs", carries.FreeAction);
        Assert.Equal("carries the can upstairs", carries.Decision.Action);
        Assert.IsType<PlayerInput.Ask>(parser.Parse("exits"));
    }
}
