using TaleForge.Tui.Story;

namespace TaleForge.Tui.Tests;

/// <summary>The Chinese sample world in the full-screen game: Chinese interface text, wide characters wrapped by display width, played to its end through the keys.</summary>
public sealed class ChineseOnScreenTests : IDisposable
{
    private const string LeadingPunctuation = "，。！？、；：”」）》";
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task The_tea_house_typed_in_Chinese_wraps_by_display_width_and_ends_on_a_Chinese_ending_screen(int width, int height)
    {
        using var game = await GameOnScreen.StartAsync("tea-house-rain", _folder.Path, width, height);
        var screen = game.Text();
        Assert.Contains("雨夜茶寮", screen.Split('\n')[0]);
        Assert.Contains("F1  帮助", screen);
        Assert.Contains("可以试试", screen);
        Assert.Equal(width >= 100, screen.Contains("在场", StringComparison.Ordinal));
        AssertWrappedByDisplayWidth(game);

        // Narrowed to 40 columns the lines of the opening wrap: full rows of wide characters, 37 columns at most.
        game.Resize(40, height);
        AssertWrappedByDisplayWidth(game);
        var narrow = game.Screen.Story.VisibleText().Split('\n');
        Assert.Contains(narrow, row => DisplayWrap.Columns(row) >= 34 && row.Length * 2 == DisplayWrap.Columns(row));
        game.Resize(width, height);

        foreach (var command in Walkthrough.Commands("tea-house-rain"))
        {
            if (game.Play.StoryOver)
            {
                break;
            }
            await game.Command(command);
            AssertWrappedByDisplayWidth(game);
        }

        Assert.True(game.Play.StoryOver);
        Assert.Contains("> give 茶印 to 婆婆", game.Play.Log.Transcript());
        screen = game.Text();
        Assert.Contains("故事结束", screen);
        Assert.Contains("Ctrl-Z 撤销最后一步", screen);
        Assert.Contains("Ctrl-N 开始新游戏", screen);
        foreach (var english in new[] { "The end", "Try:", "Help", "Tab completes", "undo the last turn" })
        {
            Assert.DoesNotContain(english, screen);
        }
    }

    /// <summary>
    /// Every row of the story pane fits its width counted in display columns (a Chinese character is two), and no row begins with closing punctuation.
    /// </summary>
    private static void AssertWrappedByDisplayWidth(GameOnScreen game)
    {
        game.Text();
        var pane = game.Screen.Story.Viewport.Width;
        var rows = game.Screen.Story.VisibleText().Split('\n');
        Assert.All(rows, row => Assert.True(DisplayWrap.Columns(row) <= pane - 1, $"'{row}' is wider than {pane - 1} columns"));
        Assert.All(rows, row => Assert.False(row.Length > 0 && LeadingPunctuation.Contains(row[0], StringComparison.Ordinal), $"'{row}' begins with punctuation"));
        Assert.Contains(rows, row => row.Any(c => c >= 0x4E00 && c <= 0x9FFF));
    }

    public void Dispose() => _folder.Dispose();
}
