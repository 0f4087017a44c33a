using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>Ctrl-N picks a world from the worlds folder and the character to play, and the new game starts in the same screen.</summary>
public sealed class NewGameTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public async Task Ctrl_N_lists_the_worlds_then_their_characters_and_starts_the_one_picked_in_its_language(int width, int height)
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, width, height);
        await game.Command("e");

        await game.Press(Key.N.WithCtrl);
        var screen = game.Text();
        Assert.Contains("New game: pick a world", screen);
        Assert.Contains("▶ The Lamp at Greywick (greywick)", screen);
        Assert.Contains("雨夜茶寮 (tea-house-rain)", screen);
        await game.Press(Key.CursorDown);
        await game.Press(Key.Enter);

        screen = game.Text();
        Assert.Contains(": play as", screen);
        Assert.Contains("(player)", screen.Split('\n').Single(r => r.Contains('▶')));
        await game.Press(Key.Enter);

        var controller = game.Play.Controller;
        Assert.Equal("tea-house-rain", controller.Session.State.World.Info.Id);
        Assert.True(controller.WaitsForPlayer);
        Assert.Null(game.Screen.Dialog);
        Assert.Empty(game.Play.Visited.Except([controller.Session.State.Character(controller.Player!).Location]));
        screen = game.Text();
        Assert.Contains(controller.Session.State.World.Info.Title, screen.Split('\n')[0]);
        Assert.Contains("帮助", screen);
        if (width >= 100)
        {
            Assert.Contains("Ctrl+N  新游戏", screen);
        }

        // The game left behind stays saved; the new one saves into its own folder.
        Assert.True(Directory.Exists(Path.Combine(_folder.Path, "game")));
        Assert.True(Directory.Exists(Path.Combine(_folder.Path, "new-1")));
    }

    [Fact]
    public async Task The_ending_screen_offers_a_new_game_and_Ctrl_N_opens_the_dialog_from_it()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        foreach (var command in Walkthrough.Commands("greywick"))
        {
            await game.Command(command);
        }
        Assert.True(game.Play.StoryOver);
        Assert.Contains("Ctrl-N a new game: another world", game.Text());

        await game.Press(Key.N.WithCtrl);
        Assert.Contains("New game: pick a world", game.Text());
        await game.Press(Key.Enter);
        await game.Press(Key.Enter);
        Assert.False(game.Play.StoryOver);
        Assert.True(game.Play.Controller.WaitsForPlayer);
        Assert.Contains("Maud Corrie says: “Shut the door, pet.", game.Text());
    }

    public void Dispose() => _folder.Dispose();
}
