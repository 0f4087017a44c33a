using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>The default world played to its end in the full-screen game, every command typed key by key.</summary>
public sealed class WalkthroughOnScreenTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Greywick_played_through_the_keys_ends_on_the_ending_screen_which_offers_undo(int width, int height)
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, width, height);
        foreach (var command in Walkthrough.Commands("greywick"))
        {
            Assert.False(game.Play.StoryOver, $"the story ended before '{command}'");
            await game.Command(command);
        }
        Assert.True(game.Play.StoryOver);
        var screen = game.Text();
        Assert.Contains("The end", screen);
        Assert.Contains("Ctrl-Z undo the last turn", screen);
        Assert.NotEmpty(game.Play.Endings);
        Assert.Contains(game.Play.Endings[^1].Split(' ')[0], screen);

        await game.Press(Key.Z.WithCtrl);
        Assert.False(game.Play.StoryOver);
        Assert.Null(game.Screen.Dialog);
        Assert.DoesNotContain("Ctrl-Z undo the last turn", game.Text());
    }

    public void Dispose() => _folder.Dispose();
}
