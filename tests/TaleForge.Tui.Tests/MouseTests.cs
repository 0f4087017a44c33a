using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>The mouse scrolls the story and clicks the keys of the status bar; it never takes the story's text from the reader.</summary>
public sealed class MouseTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task The_wheel_scrolls_the_story_up_and_back_down_to_follow_it(int width, int height)
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, width, height);
        for (var i = 0; i < 4; i++)
        {
            await game.Command("look");
        }
        game.Text();
        var bottom = game.Screen.Story.Top;
        Assert.True(bottom > 3);

        game.Mouse(5, 5, MouseFlags.WheeledUp);
        Assert.Equal(bottom - 3, game.Screen.Story.Top);
        Assert.False(game.Screen.Story.Following);

        // A click in the story leaves it where it is: the text stays the reader's to select.
        game.Mouse(5, 5, MouseFlags.LeftButtonClicked);
        Assert.Equal(bottom - 3, game.Screen.Story.Top);
        Assert.Null(game.Screen.Dialog);

        game.Mouse(5, 5, MouseFlags.WheeledDown);
        Assert.Equal(bottom, game.Screen.Story.Top);
        Assert.True(game.Screen.Story.Following);
    }

    [Fact]
    public async Task Clicking_the_panel_key_in_the_status_bar_hides_the_side_panel_and_clicking_again_shows_it()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        var rows = game.Text().Split('\n');
        var row = Array.FindIndex(rows, r => r.Contains("F4  Panel", StringComparison.Ordinal));
        Assert.True(row > 0, string.Join('\n', rows));
        var column = rows[row].IndexOf("F4  Panel", StringComparison.Ordinal) + 5;
        Assert.True(game.Screen.PanelShown);

        game.Mouse(column, row, MouseFlags.LeftButtonPressed);
        game.Mouse(column, row, MouseFlags.LeftButtonReleased);
        Assert.False(game.Screen.PanelShown);
        Assert.DoesNotContain("Here:", game.Text());

        game.Mouse(column, row, MouseFlags.LeftButtonPressed);
        game.Mouse(column, row, MouseFlags.LeftButtonReleased);
        Assert.True(game.Screen.PanelShown);
        Assert.Contains("Here:", game.Text());
    }

    public void Dispose() => _folder.Dispose();
}
