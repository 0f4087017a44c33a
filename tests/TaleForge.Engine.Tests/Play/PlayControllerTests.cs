using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Engine.Play;
using TaleForge.Engine.Play.Messages;
using TaleForge.Engine.Saves;

namespace TaleForge.Engine.Tests.Play;

public sealed class PlayControllerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-controller-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_english_world_opens_in_english_and_waits_for_the_player()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        Assert.Equal(
            ["The Lamp at Greywick", Phrasebook.English.AuthoredMode, "You are Ines Calder. Type /help for commands."],
            play.Messages);
        Assert.True(play.Controller.WaitsForPlayer);
        Assert.Equal("The Evening Tide", play.Story[0]);
    }

    [Fact]
    public async Task A_chinese_world_talks_to_its_player_in_chinese_from_the_opening_line_to_help()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);

        Assert.Equal(["雨夜茶寮", "未配置模型：角色将说作者写好的台词（作者模式）。", "你扮演阿沅。输入 /help 查看命令。"], play.Messages);
        var help = Assert.Single(await play.TypeAsync("/help"));
        Assert.Equal(InterfaceText.Chinese.Help, help);
        Assert.Contains("把 物品 交给 某人", help, StringComparison.Ordinal);
        Assert.Equal(["未知命令 /舞。输入 /help 查看命令列表。"], await play.TypeAsync("/舞"));
        Assert.Equal(["没有更早的回合可以回去。"], await play.TypeAsync("/undo"));
    }

    [Fact]
    public async Task Undo_goes_back_a_turn_redo_plays_it_again_and_retry_plays_it_anew()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var before = StateDigest.Of(play.Session.State);

        Assert.Equal(["There is no earlier turn to go back to."], await play.TypeAsync("/undo"));
        Assert.Equal(["There is no turn to retry yet."], await play.TypeAsync("/retry"));
        await play.TypeAsync("wait");
        var after = StateDigest.Of(play.Session.State);
        Assert.NotEqual(before, after);

        Assert.Equal(["Undone: back to your previous turn."], await play.TypeAsync("/undo"));
        Assert.Equal(before, StateDigest.Of(play.Session.State));
        Assert.Equal(["Redone."], await play.TypeAsync("/redo"));
        Assert.Equal(after, StateDigest.Of(play.Session.State));
        Assert.Equal(["There is nothing to redo."], await play.TypeAsync("/redo"));
        Assert.Equal(["Trying your last turn again."], await play.TypeAsync("/retry"));
        Assert.Equal(after, StateDigest.Of(play.Session.State));
        Assert.False(play.Session.CanRedo);
    }

    [Fact]
    public async Task Continuing_from_an_undone_turn_plays_on_from_it_in_the_same_save()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder, saving: true);
        var player = play.Player;
        var start = play.Session.State.Character(player).Location;
        await play.TypeAsync("e");
        var east = play.Session.State.Character(player).Location;
        var there = play.Session.Log[^1].Step;
        await play.TypeAsync("/undo");
        Assert.Equal(start, play.Session.State.Character(player).Location);

        Assert.True(play.Controller.ContinueFrom(there));

        Assert.Equal(east, play.Session.State.Character(player).Location);
        Assert.Contains(play.Controller.Text.BranchTaken, play.Messages);
        Assert.True(play.Controller.WaitsForPlayer);
        var saved = SavedGame.Open(play.Controller.Slot!.Folder);
        Assert.Equal(there, saved.Head);
        await play.TypeAsync("/undo");
        Assert.Equal(start, play.Session.State.Character(player).Location);
    }

    [Fact]
    public async Task A_way_that_never_came_back_to_the_player_or_a_game_not_saved_cannot_be_continued()
    {
        using var saved = await HeadlessPlay.StartAsync("greywick", _folder, saving: true);
        var before = StateDigest.Of(saved.Session.State);
        Assert.False(saved.Controller.ContinueFrom(null));
        Assert.False(saved.Controller.ContinueFrom(12345));
        Assert.Equal([saved.Controller.Text.BranchUnfinished, saved.Controller.Text.BranchUnfinished], saved.Messages.TakeLast(2));
        Assert.Equal(before, StateDigest.Of(saved.Session.State));

        using var unsaved = await HeadlessPlay.StartAsync("greywick", Path.Combine(_folder, "unsaved"));
        Assert.False(unsaved.Controller.ContinueFrom(0));
        Assert.Equal(unsaved.Controller.Text.SavingIsOff, unsaved.Messages[^1]);
    }

    [Fact]
    public async Task Quit_says_goodbye_with_the_save_and_ends_play()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder, saving: true);

        Assert.False(await play.Controller.HandleAsync("/quit"));
        Assert.Equal($"Goodbye. The game is saved as '{play.Controller.Slot!.Name}'.", play.Messages[^1]);
    }

    [Fact]
    public async Task Without_saves_save_and_load_are_refused_with_the_reason()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        Assert.Equal(["Saving is off in this game (--no-save)."], await play.TypeAsync("/save later"));
        Assert.Equal(["Loading is off in this game (--no-save)."], await play.TypeAsync("/load later"));
    }

    [Fact]
    public async Task A_named_save_keeps_this_point_and_loading_it_continues_a_copy_from_there()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder, saving: true);
        Assert.Equal($"Saving every turn as 'game' in {play.Folder}.", play.Messages[^1]);
        await play.TypeAsync("wait");
        var kept = StateDigest.Of(play.Session.State);

        Assert.Equal(["Saved as 'before-the-walk'. Play goes on in 'game'."], await play.TypeAsync("/save before-the-walk"));
        await play.TypeAsync("go east");
        Assert.NotEqual(kept, StateDigest.Of(play.Session.State));
        play.Story.Clear();

        var loaded = await play.TypeAsync("/load before-the-walk");

        Assert.StartsWith("Loaded 'before-the-walk'; play continues in ", Assert.Single(loaded), StringComparison.Ordinal);
        Assert.Equal(kept, StateDigest.Of(play.Session.State));
        Assert.NotEqual("game", play.Controller.Slot!.Name);
        Assert.StartsWith("The Drowned Bell\n", Assert.Single(play.Story), StringComparison.Ordinal);
        Assert.True(play.Controller.WaitsForPlayer);
    }

    [Fact]
    public async Task A_question_is_answered_as_an_event_the_player_notices_and_changes_no_state()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);
        var before = StateDigest.Of(play.Session.State);
        play.Story.Clear();

        Assert.Empty(await play.TypeAsync("look"));

        var answer = play.Session.Log[^1];
        var noticed = Assert.IsType<WorldEvent.Noticed>(answer.Event);
        Assert.Equal([play.Player], answer.Observed.Observers.AsEnumerable());
        Assert.Equal([noticed.Text], play.Story);
        Assert.StartsWith("The Drowned Bell\n", noticed.Text, StringComparison.Ordinal);
        Assert.Equal(before, StateDigest.Of(play.Session.State));
    }

    [Theory]
    [InlineData("greywick")]
    [InlineData("tea-house-rain")]
    public async Task The_player_view_and_completions_change_nothing(string world)
    {
        using var play = await HeadlessPlay.StartAsync(world, _folder);
        var state = StateDigest.Of(play.Session.State);
        var log = play.Session.Log.Count;
        var calls = play.Session.Calls.Count;

        var first = play.Controller.View();
        _ = play.Controller.Completions();
        _ = play.Controller.Completions("go");

        Assert.Equal(state, StateDigest.Of(play.Session.State));
        Assert.Equal(log, play.Session.Log.Count);
        Assert.Equal(calls, play.Session.Calls.Count);
        Assert.Equal(first, play.Controller.View());
    }

    [Fact]
    public async Task The_player_view_shows_the_place_its_people_and_the_scene()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        var view = play.Controller.View()!;

        Assert.Equal("ines", view.Character);
        Assert.Equal("The Drowned Bell", view.Place);
        Assert.Equal(["east"], view.Exits.AsEnumerable());
        Assert.Equal(["Maud Corrie", "Pell Sutter"], view.People.Select(p => p.Name).Order());
        Assert.Equal("The Evening Tide", view.Scene!.Title);
        Assert.Equal("The light on Greywick Head is dark, and the Marigold is due at midnight.", view.Scene.Situation);
        Assert.Equal(play.Session.State.Clock, view.Time);
        Assert.False(view.StoryOver);
    }

    [Fact]
    public async Task English_completions_name_things_as_the_player_sees_them()
    {
        using var play = await HeadlessPlay.StartAsync("greywick", _folder);

        var all = play.Controller.Completions();

        Assert.Equal(["look", "inventory", "wait", "go east"], all.Take(4));
        Assert.Contains("talk to Maud Corrie", all);
        Assert.Contains("examine Pell Sutter", all);
        Assert.Contains("/undo", all);
        Assert.Equal(["go east"], play.Controller.Completions("go"));
        Assert.Equal(["/redo", "/retry", "/restart"], play.Controller.Completions("/re"));
        AssertEveryCandidateReadsBackAndTheRulesAllowIt(play);
    }

    [Fact]
    public async Task Chinese_completions_are_in_chinese_and_read_back()
    {
        using var play = await HeadlessPlay.StartAsync("tea-house-rain", _folder);

        var all = play.Controller.Completions();

        Assert.Equal(["看", "背包", "等待"], all.Take(3));
        Assert.Contains("去北", all);
        Assert.Contains("和陆婆婆说话", all);
        Assert.Contains("查看明前茶饼", all);
        Assert.Equal(["去北", "去东", "去南"], play.Controller.Completions("去"));
        AssertEveryCandidateReadsBackAndTheRulesAllowIt(play);
    }

    /// <summary>Each candidate parses as the command it names (never a free action), and the rules resolve every name in it.</summary>
    private static void AssertEveryCandidateReadsBackAndTheRulesAllowIt(HeadlessPlay play)
    {
        var phrases = Phrasebook.For(play.Session.State.World.Info.Language);
        var parser = new PlayerInputParser(phrases);
        foreach (var candidate in play.Controller.Completions())
        {
            switch (parser.Parse(candidate))
            {
                case PlayerInput.Meta meta:
                    Assert.NotEqual(MetaCommand.Unknown, meta.Command);
                    break;
                case PlayerInput.Ask { Query: Query.Examine examine }:
                    Assert.NotEqual(phrases.CannotSee(examine.Target), play.Session.Ask(play.Player, examine));
                    break;
                case PlayerInput.Ask:
                    break;
                case PlayerInput.Turn { Decision: var turn }:
                    Assert.True(turn.Command is not null || !turn.Targets.IsEmpty || turn.Action == phrases.WaitAction, $"'{candidate}' reads as a free action");
                    var resolution = Rulebook.Resolve(play.Session.State, play.Player, turn);
                    // A way the story keeps shut is still offered: trying it is how the player learns why.
                    Assert.True(resolution.Veto is null or VetoReason.ExitBlocked, $"'{candidate}' was refused: {resolution.Veto}");
                    break;
                default:
                    Assert.Fail($"'{candidate}' does not read back");
                    break;
            }
        }
    }
}
