using TaleForge.Engine.Saves;

namespace TaleForge.Cli.Tests;

/// <summary>Real signals sent to a real game: Ctrl-C warns and then leaves, SIGTERM leaves with 143, neither crashes.</summary>
[StartsProcesses]
public class SignalTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static ChildGame StartAtThePrompt(TemporaryFolder folder) =>
        ChildGame.Start("play", "greywick", "--dir", Repository.Worlds, "--saves", Path.Combine(folder.Path, "saves"), "--save", "signalled");

    private static void AssertNoCrash(ChildGame game)
    {
        Assert.DoesNotContain("Unhandled", game.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", game.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", game.Error, StringComparison.Ordinal);
    }

    private static void AssertSaved(TemporaryFolder folder)
    {
        var saved = SavedGame.Open(Path.Combine(folder.Path, "saves", "signalled"));
        Assert.Equal(saved.Trajectory.Checkpoints.Last().Step, saved.Head);
    }

    [Fact]
    public async Task Ctrl_C_at_the_prompt_says_how_to_leave_and_a_second_one_leaves()
    {
        using var folder = new TemporaryFolder();
        using var game = StartAtThePrompt(folder);
        Assert.True(await game.WaitForOutputAsync("> ", Limit), game.Output + game.Error);

        game.Signal("INT");
        Assert.True(await game.WaitForOutputAsync("Ctrl-C again leaves the game", Limit), game.Output + game.Error);
        await Task.Delay(300);
        Assert.False(game.Process.HasExited, "the first Ctrl-C at the prompt does not end the game");

        game.Signal("INT");
        Assert.Equal(130, await game.ExitCodeAsync(Limit));
        Assert.Equal("stopped.\n", game.Error);
        AssertNoCrash(game);
        AssertSaved(folder);
    }

    [Fact]
    public async Task SIGTERM_at_the_prompt_leaves_the_game_saved_with_143()
    {
        using var folder = new TemporaryFolder();
        using var game = StartAtThePrompt(folder);
        Assert.True(await game.WaitForOutputAsync("> ", Limit), game.Output + game.Error);

        game.Signal("TERM");

        Assert.Equal(143, await game.ExitCodeAsync(Limit));
        Assert.Equal("terminated.\n", game.Error);
        AssertNoCrash(game);
        AssertSaved(folder);
    }

    [Fact]
    public async Task Ctrl_C_then_SIGTERM_never_crashes()
    {
        using var folder = new TemporaryFolder();
        using var game = StartAtThePrompt(folder);
        Assert.True(await game.WaitForOutputAsync("> ", Limit), game.Output + game.Error);

        game.Signal("INT");
        Assert.True(await game.WaitForOutputAsync("Ctrl-C again leaves the game", Limit), game.Output + game.Error);
        game.Signal("TERM");

        Assert.Equal(143, await game.ExitCodeAsync(Limit));
        AssertNoCrash(game);
        AssertSaved(folder);
    }
}
