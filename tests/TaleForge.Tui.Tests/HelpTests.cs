using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>
/// F1 shows the screen's keys first, so they fit even at 80×24, then the game's commands; help says how this
/// screen stops a generation and quits, not line mode's keys.
/// </summary>
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

    [Theory]
    [InlineData("greywick", 80, 24, "Esc stops a generation, Ctrl-Q quits")]
    [InlineData("greywick", 120, 40, "Esc stops a generation, Ctrl-Q quits")]
    [InlineData("tea-house-rain", 80, 24, "Esc 停止生成，Ctrl-Q 退出")]
    [InlineData("tea-house-rain", 120, 40, "Esc 停止生成，Ctrl-Q 退出")]
    public async Task F1_says_Esc_stops_a_generation_and_Ctrl_Q_quits_not_line_modes_keys(string world, int width, int height, string keys)
    {
        using var game = await GameOnScreen.StartAsync(world, _folder.Path, width, height);
        await game.Press(Key.F1);
        var screen = game.Text();
        Assert.Contains(keys, screen);
        Assert.DoesNotContain("Ctrl-C", screen);
        Assert.DoesNotContain("Ctrl-D", screen);
        if (height >= 40)
        {
            Assert.Contains(world == "greywick" ? "take ITEM" : "拿 物品", screen);
        }
    }

    [Fact]
    public async Task Help_typed_on_the_screen_tells_the_screens_keys()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        await game.Command("help");
        var told = game.Play.Log.Snapshot()[^1].Text;
        Assert.Contains("Esc stops a generation, Ctrl-Q quits", told);
        Assert.Contains("take ITEM", told);
        Assert.DoesNotContain("Ctrl-D", told);
    }

    public void Dispose() => _folder.Dispose();
}
