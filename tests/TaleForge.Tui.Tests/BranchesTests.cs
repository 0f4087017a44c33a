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

    public void Dispose() => _folder.Dispose();
}
