using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>F1 shows the screen's keys first, so they fit even at 80×24, then the game's commands.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task F1_shows_the_new_game_key_the_branch_keys_and_how_copying_works(int width, int height)
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, width, height);
        await game.Press(Key.F1);
        var screen = game.Text();
        Assert.Contains("Ctrl-N New game", screen);
        Assert.Contains("Enter continues", screen);
        Assert.Contains("Shift-drag selects text to copy", screen);
        if (height >= 40)
        {
            Assert.Contains("take ITEM", screen);
        }
    }

    public void Dispose() => _folder.Dispose();
}
