namespace TaleForge.Tui.Tests;

/// <summary>
/// The status bar fits the screen: help, the new-game key, the model and the save show even at 80 columns, in
/// both languages; the keys help lists drop out first, and a wide screen shows them all.
/// </summary>
public sealed class StatusBarTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData("greywick", 80, 24, "F1  Help", "Ctrl+N  New game", "authored · game")]
    [InlineData("greywick", 120, 40, "F1  Help", "Ctrl+N  New game", "authored · game")]
    [InlineData("tea-house-rain", 80, 24, "F1  帮助", "Ctrl+N  新游戏", "作者台词 · game")]
    public async Task Help_new_game_the_model_and_the_save_show_whole_on_the_status_bar(
        string world, int width, int height, string help, string newGame, string modelAndSave)
    {
        using var game = await GameOnScreen.StartAsync(world, _folder.Path, width, height);
        var status = game.Text().Split('\n')[height - 2];

        Assert.Contains(help, status);
        Assert.Contains(newGame, status);
        Assert.Contains($" {modelAndSave} ", status);
        if (width >= 120)
        {
            Assert.Contains("F2  Save", status);
            Assert.Contains("F6  Map", status);
            Assert.Contains("F4  Panel", status);
        }
    }

    public void Dispose() => _folder.Dispose();
}
