using TaleForge.Core.Definitions;
using TaleForge.Core.Rules;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests.Play;

/// <summary>
/// The parser respects the player: what is refused or means nothing costs no turn and lets no one else act; a
/// typo, a bare verb and a name that fits several things get a question whose answer is read; in English and in
/// Chinese.
/// </summary>
public sealed class RespectfulParserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-parser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_typo_of_a_verb_asks_did_you_mean_without_a_turn_and_yes_does_it()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var before = Unchanged(play);

        Assert.Equal(["I don't know the word \u201cexmaine\u201d. Did you mean \u201cexamine bell\u201d? (yes, or no to do it as typed)"], await play.TypeAsync("exmaine bell"));
        before.Check();

        await play.TypeAsync("yes");
        Assert.StartsWith("A ship's bell hangs over the bar", play.Story[^1], StringComparison.Ordinal);
        var count = play.Story.Count;
        await play.TypeAsync("again");
        Assert.Equal(count + 1, play.Story.Count);
        Assert.StartsWith("A ship's bell hangs over the bar", play.Story[^1], StringComparison.Ordinal);
        before.Check();
    }

    [Fact]
    public async Task Refused_commands_and_unknown_names_are_told_at_once_and_cost_no_turn()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var before = Unchanged(play);

        Assert.Equal(["There is no \u201cunicorn\u201d to be seen here."], await play.TypeAsync("take unicorn"));
        Assert.Equal(["You can't go \u201cnorth\u201d from here."], await play.TypeAsync("n"));
        Assert.Equal(["Abel Fenn is not here."], await play.TypeAsync("talk to Abel"));
        Assert.Equal(["Nobody called \u201cGhost\u201d is here."], await play.TypeAsync("talk to Ghost"));
        before.Check();
    }

    [Fact]
    public async Task A_bare_verb_asks_what_and_takes_the_answer_on_the_next_line()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var before = Unchanged(play);

        Assert.Equal(["Examine what?"], await play.TypeAsync("x"));
        Assert.Equal("Examine what?", play.Controller.Question);
        await play.TypeAsync("window");
        Assert.Null(play.Controller.Question);
        Assert.StartsWith("The window frames Greywick Head.", play.Story[^1], StringComparison.Ordinal);
        Assert.Equal(["Take what?"], await play.TypeAsync("take"));
        Assert.Equal(["There is no \u201cbell\u201d to be seen here."], await play.TypeAsync("bell"));
        before.Check();
    }

    [Fact]
    public async Task An_answer_to_what_that_is_a_command_of_its_own_is_played_as_typed()
    {
        using var english = await HeadlessPlay.StartAsync("greywick", _folder);
        Assert.Equal(["Take what?"], await english.TypeAsync("take"));
        Assert.Equal(["There is no \u201cunicorn\u201d to be seen here."], await english.TypeAsync("take unicorn"));

        using var chinese = await HeadlessPlay.StartAsync("tea-house-rain", _folder);
        Assert.Equal(["拿什么？"], await chinese.TypeAsync("拿"));
        Assert.Equal(["这里看不到\u201c飞机\u201d。"], await chinese.TypeAsync("拿 飞机"));
        Assert.Equal(["拿什么？"], await chinese.TypeAsync("拿"));
        Assert.Equal(["这里看不到\u201c飞机\u201d。"], await chinese.TypeAsync("飞机"));
    }

    [Fact]
    public async Task Examining_me_or_myself_describes_the_player_and_again_repeats_it()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        await play.TypeAsync("x me");
        var me = play.Story[^1];
        Assert.StartsWith("You are Ines Calder, a woman of forty in a Board-issue oilskin", me, StringComparison.Ordinal);
        await play.TypeAsync("examine myself");
        Assert.Equal(me, play.Story[^1]);
        var count = play.Story.Count;
        await play.TypeAsync("g");
        Assert.Equal(count + 1, play.Story.Count);
        Assert.Equal(me, play.Story[^1]);
    }

    [Fact]
    public async Task Free_actions_read_in_good_english_and_with_no_model_are_told_as_attempts()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        await play.TypeAsync("I sit by the fire");
        Assert.Contains("You try to sit by the fire, but nothing comes of it.", play.Story);
        await play.TypeAsync("fill lamp with paraffin");
        Assert.Contains("You try to fill lamp with paraffin, but nothing comes of it.", play.Story);
        Assert.DoesNotContain(play.Story, line => line.Contains("You are sit", StringComparison.Ordinal) || line.Contains("exitse", StringComparison.Ordinal));
        await play.TypeAsync("exits");
        Assert.EndsWith("Exits: east.", play.Story[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_games_own_commands_work_without_a_slash()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        Assert.Equal(["There is no command to repeat yet."], await play.TypeAsync("again"));
        Assert.Equal(["Saving is off in this game (--no-save)."], await play.TypeAsync("save"));
        Assert.Equal(["There is no earlier turn to go back to."], await play.TypeAsync("undo"));
        Assert.Equal(["Places are now described in full every time you arrive."], await play.TypeAsync("verbose"));
        Assert.True(play.Controller.Verbose);
        Assert.Equal(["Places are now described in full only the first time you arrive."], await play.TypeAsync("brief"));
    }

    [Fact]
    public async Task Arriving_describes_the_place_in_full_the_first_time_and_briefly_after_unless_verbose()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var arrivals = new List<Arrival>();
        play.Controller.Arrived += (_, arrival) => arrivals.Add(arrival);

        await play.TypeAsync("e");
        await play.TypeAsync("w");
        await play.TypeAsync("e");
        await play.TypeAsync("verbose");
        await play.TypeAsync("w");

        Assert.Equal(["Chapel Row", "The Drowned Bell", "Chapel Row", "The Drowned Bell"], arrivals.Select(a => a.Place));
        Assert.Equal([true, false, false, true], arrivals.Select(a => a.Full));
        Assert.Equal(arrivals[0].Description, arrivals[0].Lines[1]);
        Assert.StartsWith("Exits: ", arrivals[1].Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_end_of_the_story_shows_the_ending_and_offers_undo_and_restart_instead_of_leaving()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        StoryEnding? ending = null;
        play.Controller.Ended += (_, e) => ending = e;
        foreach (var line in Walkthrough.Commands("greywick"))
        {
            await play.TypeAsync(line);
        }

        Assert.NotNull(ending);
        Assert.Equal(["evening-tide", "dark-tower", "midnight"], ending.Scenes.Select(s => s.Id));
        Assert.Equal("*** The End ***", ending.Lines[0]);
        Assert.Contains("\u2022 The Evening Tide: its goal was reached.", ending.Lines);
        Assert.True(play.Controller.StoryOver);
        Assert.True(play.Controller.AcceptsInput);
        Assert.Equal([play.Controller.Text.AfterTheEnd], await play.TypeAsync("look"));

        Assert.Equal(["Undone: back to your previous turn."], await play.TypeAsync("undo"));
        Assert.False(play.Controller.StoryOver);
        Assert.True(play.Controller.WaitsForPlayer);
        Assert.Equal("Back to the beginning. What came before stays in the record as a branch.", (await play.TypeAsync("restart"))[0]);
        Assert.Equal("drowned-bell", play.Session.State.Character(play.Player).Location);
        Assert.False(play.Session.CanUndo);
    }

    [Fact]
    public async Task A_name_that_fits_several_things_asks_which_and_takes_the_answer()
    {
        var world = TestWorld.Harbour();
        world = world with
        {
            Items = [.. world.Items, new ItemDefinition { Id = "hurricane", Name = "hurricane lantern" }],
            Locations = [world.Locations[0] with { Items = [.. world.Locations[0].Items, "hurricane"] }, .. world.Locations.Skip(1)],
        };
        using var controller = new PlayController(new GameSession(world, Cast.Authored(world, "mara")));
        var messages = new List<string>();
        controller.Message += (_, m) => messages.Add(m.Text);
        await controller.StartAsync();
        var before = StateDigest.Of(controller.Session.State);
        messages.Clear();

        await controller.HandleAsync("take the lantern");
        Assert.Equal(["Which do you mean: the storm lantern or the hurricane lantern?"], messages);
        Assert.Equal(before, StateDigest.Of(controller.Session.State));
        await controller.HandleAsync("the storm one");
        Assert.True(controller.Session.State.Carries("mara", "lantern"));
        Assert.False(controller.Session.State.Carries("mara", "hurricane"));
    }

    [Fact]
    public async Task Take_all_takes_every_portable_thing_here_and_drop_all_drops_what_is_carried()
    {
        var world = TestWorld.Harbour();
        using var controller = new PlayController(new GameSession(world, Cast.Authored(world, "mara")));
        var messages = new List<string>();
        controller.Message += (_, m) => messages.Add(m.Text);
        await controller.StartAsync();

        await controller.HandleAsync("take all");
        Assert.Equal(["lantern"], controller.Session.State.Inventory("mara"));
        Assert.Equal("anchor", Assert.Single(controller.Session.State.ItemsAt("quay")));
        await controller.HandleAsync("drop all");
        Assert.Empty(controller.Session.State.Inventory("mara"));
        messages.Clear();
        await controller.HandleAsync("drop all");
        Assert.Equal(["You are carrying nothing."], messages);
    }

    [Fact]
    public async Task Chinese_bare_directions_move_and_a_way_that_is_not_there_costs_no_turn()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);
        var arrivals = new List<Arrival>();
        play.Controller.Arrived += (_, arrival) => arrivals.Add(arrival);
        var before = Unchanged(play);

        Assert.Equal(["从这里无法往\u201c西\u201d走。"], await play.TypeAsync("西"));
        before.Check();
        await play.TypeAsync("北");
        Assert.Equal("后厨", Assert.Single(arrivals).Place);
        await play.TypeAsync("南");
        Assert.Equal("茶寮正堂", arrivals[^1].Place);
        Assert.False(arrivals[^1].Full);
    }

    [Fact]
    public async Task A_chinese_bare_verb_asks_what_and_a_mistyped_name_gets_a_suggestion_without_a_turn()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);
        await play.TypeAsync("北");
        var before = Unchanged(play);

        Assert.Equal(["这里看不到\u201c油登\u201d。", "你是说油灯吗？"], await play.TypeAsync("拿起油登"));
        before.Check();
        Assert.Equal(["拿什么？"], await play.TypeAsync("拿"));
        await play.TypeAsync("油灯");
        Assert.True(play.Session.State.Carries(play.Player, "oil-lamp"));
    }

    [Fact]
    public async Task A_chinese_name_that_fits_two_things_asks_which()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);
        foreach (var line in new[] { "北", "拿油灯", "南", "东" })
        {
            await play.TypeAsync(line);
        }
        var before = Unchanged(play);

        Assert.Equal(["你指的是哪一个：陆家茶印还是老茶瓮？"], await play.TypeAsync("拿茶"));
        before.Check();
        await play.TypeAsync("茶印");
        Assert.True(play.Session.State.Carries(play.Player, "tea-seal"));
    }

    [Fact]
    public async Task Chinese_free_actions_are_attempts_and_myself_and_again_and_saving_work_in_chinese()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);

        await play.TypeAsync("我坐下");
        Assert.Contains("你试着坐下，但什么也没有发生。", play.Story);
        await play.TypeAsync("查看自己");
        var me = play.Story[^1];
        await play.TypeAsync("再来");
        Assert.Equal(me, play.Story[^1]);
        Assert.Equal(["本局游戏未开启存档（--no-save）。"], await play.TypeAsync("存档"));
        var help = Assert.Single(await play.TypeAsync("帮助"));
        Assert.Contains("北 东 南 西 东北 西北 东南 西南 上 下 进 出", help, StringComparison.Ordinal);
        Assert.Contains("拿走全部", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chinese_ending_is_in_chinese()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);
        StoryEnding? ending = null;
        play.Controller.Ended += (_, e) => ending = e;
        foreach (var line in Walkthrough.Commands("tea-house-rain"))
        {
            await play.TypeAsync(line);
        }

        Assert.NotNull(ending);
        Assert.Equal("*** 全剧终 ***", ending.Lines[0]);
        Assert.Equal("故事已经结束。输入“撤销”收回上一回合，“重新开始”从头再来，“读档 名称”打开存档，或“退出”。", ending.Lines[^1]);
    }

    [Fact]
    public async Task A_character_a_model_plays_is_announced_as_thinking_and_timing_tells_each_turn_on_request()
    {
        var world = TestWorld.Harbour();
        var setup = new PlaySetup { Models = [new Trajectories.ModelReference { Role = Agents.Role.Characters, File = "tiny.gguf" }] };
        using var controller = new PlayController(new GameSession(world, Cast.Authored(world, "mara")), setup);
        var thinking = new List<string>();
        var timings = new List<TurnTiming>();
        var messages = new List<string>();
        controller.Thinking += (_, notice) => thinking.Add(notice.Text);
        controller.TurnTimed += (_, timing) => timings.Add(timing);
        controller.Message += (_, m) => messages.Add(m.Text);
        await controller.StartAsync();
        thinking.Clear();

        await controller.HandleAsync("/timing");
        await controller.HandleAsync("wait");

        Assert.Contains("Tomas Reyes is thinking\u2026", thinking);
        Assert.DoesNotContain(thinking, t => t.StartsWith("Mara", StringComparison.Ordinal));
        Assert.Equal(2, timings.Count);
        Assert.Equal("Each turn's time and speed will be shown.", messages[^2]);
        Assert.Matches(@"^\(turn: \d+\.\d s, no model calls\)$", messages[^1]);
    }

    [Fact]
    public async Task With_no_model_nobody_is_announced_as_thinking()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var thinking = new List<ThinkingNotice>();
        play.Controller.Thinking += (_, notice) => thinking.Add(notice);

        await play.TypeAsync("wait");

        Assert.Empty(thinking);
    }

    /// <summary>The state and what the player has seen, to check that nothing moved.</summary>
    private static Snapshot Unchanged(HeadlessPlay play) => new(play, StateDigest.Of(play.Session.State), play.Session.Log.Count);

    private sealed record Snapshot(HeadlessPlay Play, string Digest, int Events)
    {
        public void Check()
        {
            Assert.Equal(Digest, StateDigest.Of(Play.Session.State));
            Assert.DoesNotContain(Play.Session.Log.Skip(Events), e => e.Event is not Core.Events.WorldEvent.Noticed);
        }
    }
}
