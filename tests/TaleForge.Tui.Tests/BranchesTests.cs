using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Tui.Story;
using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>The alternatives of the last reply, read from the trajectory tree and browsed with ← → as swipes.</summary>
public sealed class BranchesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public void The_hand_made_retry_gives_two_ways_the_last_turn_went_the_second_played_now()
    {
        using var recordings = new Recordings();
        var branches = ReplyBranches.Of(TrajectoryFile.Read(HandMadeTrajectory.Write(recordings)));
        Assert.Equal([10L, 14L], branches.Select(b => b.Decision));
        Assert.Equal("Mara says: \u201cGo away.\u201d\nTomas Reyes scowls.", branches[0].Text);
        Assert.StartsWith("Mara says: \u201cGo away.\u201d\nTomas Reyes laughs.", branches[1].Text);
        Assert.Equal([false, true], branches.Select(b => b.Current));
    }

    [Fact]
    public async Task After_an_undo_the_left_arrow_shows_the_undone_reply_and_the_right_arrow_the_one_played_now()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        await game.Press(Key.CursorLeft);
        Assert.Contains("The last turn went only one way so far", game.Text());

        await game.Command("wait");
        await game.Press(Key.Z.WithCtrl);
        await game.Command("go east");
        await game.Press(Key.CursorLeft);
        var screen = game.Text();
        Assert.Contains("Other ways the last turn went", screen);
        Assert.Contains("1 / 2", screen);
        Assert.DoesNotContain("played now", screen);

        await game.Press(Key.CursorRight);
        screen = game.Text();
        Assert.Contains("2 / 2 · played now", screen);
        Assert.NotNull(game.Screen.Dialog);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Enter_on_a_browsed_way_continues_play_from_it_and_the_save_continues_there_too(int width, int height)
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, width, height);
        await game.Command("wait");
        await game.Press(Key.Z.WithCtrl);
        await game.Command("go east");
        Assert.Equal("Chapel Row", game.Play.Controller.View()!.Place);

        await game.Press(Key.CursorLeft);
        var screen = game.Text();
        Assert.Contains("1 / 2", screen);
        Assert.Contains("Enter continue from this one", screen.Split('\n')[height - 4]);
        await game.Press(Key.Enter);

        Assert.Null(game.Screen.Dialog);
        Assert.Equal("The Drowned Bell", game.Play.Controller.View()!.Place);
        Assert.Contains("Play goes on from the way the last turn went that you picked", game.Text());
        Assert.DoesNotContain("Enter continue from this one", game.Text());

        // The way taken is now the one played, and the one left can be taken back.
        await game.Press(Key.CursorLeft);
        Assert.Contains("1 / 2 · played now", game.Text());
        await game.Press(Key.CursorRight);
        Assert.Contains("2 / 2", game.Text());
        await game.Press(Key.Esc);
        Assert.Equal("The Drowned Bell", game.Play.Controller.View()!.Place);

        // Play goes on from here, and the save resumes where play now stands.
        await game.Command("go east");
        Assert.Equal("Chapel Row", game.Play.Controller.View()!.Place);
        await game.Press(Key.Z.WithCtrl);
        Assert.Equal("The Drowned Bell", game.Play.Controller.View()!.Place);
        var controller = game.Play.Controller;
        var player = controller.Player!;
        var saved = SavedGame.Open(controller.Slot!.Folder);
        var resumed = GameSession.Resume(controller.Session.State.World, Cast.Authored(controller.Session.State.World, player), saved.Trajectory, saved.Head);
        Assert.Equal(controller.Session.State.Character(player).Location, resumed.State.Character(player).Location);
        Assert.True(resumed.AwaitingPlayer);
    }

    public void Dispose() => _folder.Dispose();
}
