using TaleForge.Tui.Story;
using Terminal.Gui.Input;

namespace TaleForge.Tui.Tests;

/// <summary>The default world in the full-screen game, at the two sizes a player is likely to have: 80×24 and 120×40.</summary>
public sealed class GameScreenTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    [Fact]
    public async Task The_opening_at_80x24_shows_the_story_a_one_line_summary_the_hint_and_the_keys()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path);
        var screen = game.Text();
        var rows = screen.Split('\n');
        Assert.Contains("The Lamp at Greywick", rows[0]);
        Assert.Contains("The Drowned Bell · day 12, 19:40 · Maud Corrie, Pell Sutter · Exits: east", rows[1]);
        Assert.Contains("Maud Corrie says: “Shut the door, pet.", screen);
        Assert.Contains("Try: look · inventory · wait · go east", screen);
        Assert.Contains("F1  Help", rows[22]);
        Assert.DoesNotContain("Here:", screen);
        Assert.False(game.Screen.PanelShown);
    }

    [Fact]
    public async Task The_opening_at_120x40_shows_the_side_panel_with_people_their_mood_and_the_exits()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        var screen = game.Text();
        Assert.True(game.Screen.PanelShown);
        Assert.Contains("Drowned Bell", screen.Split('\n')[1]);
        Assert.Contains("Here:", screen);
        Assert.Contains("Maud Corrie (", screen);
        Assert.Contains("Exits: east", screen);
        Assert.Contains("Scene: The Evening Tide", screen);
    }

    [Fact]
    public async Task F4_hides_the_side_panel_and_gives_the_story_the_width()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        await game.Press(Key.F4);
        var screen = game.Text();
        Assert.False(game.Screen.PanelShown);
        Assert.DoesNotContain("Here:", screen);
        Assert.Contains("The Drowned Bell · day 12", screen);
    }

    [Fact]
    public async Task Tab_completes_a_name_and_a_direction_from_what_can_be_done_here()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path);
        game.Keys("talk to M");
        await game.Press(Key.Tab);
        Assert.Equal("talk to Maud Corrie", game.Screen.Input.Text);
        Assert.Contains("> talk to Maud Corrie", game.Text());

        game.Screen.Input.Text = "";
        game.Keys("talk");
        await game.Press(Key.Tab);
        Assert.Equal("talk to ", game.Screen.Input.Text);
        await game.Press(Key.Tab);
        var screen = game.Text();
        Assert.Equal("talk to Maud Corrie", game.Screen.Input.Text);
        Assert.Contains("talk to Maud Corrie · talk to Pell Sutter", screen);
    }

    [Fact]
    public async Task Up_and_down_recall_the_commands_typed_before()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path);
        await game.Command("look");
        await game.Command("inventory");
        await game.Press(Key.CursorUp);
        Assert.Equal("inventory", game.Screen.Input.Text);
        await game.Press(Key.CursorUp);
        Assert.Equal("look", game.Screen.Input.Text);
        await game.Press(Key.CursorDown);
        await game.Press(Key.CursorDown);
        Assert.Equal("", game.Screen.Input.Text);
    }

    [Fact]
    public async Task The_save_dialog_lists_the_saves_and_keeps_the_game_under_the_name_typed()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        await game.Press(Key.F2);
        var screen = game.Text();
        Assert.Contains("Save game", screen);
        Assert.Matches(@"game\s+The Lamp at Greywick", screen);
        game.Keys("before-the-tower");
        await game.Press(Key.Enter);
        Assert.Null(game.Screen.Dialog);
        Assert.True(Directory.Exists(Path.Combine(_folder.Path, "before-the-tower")));
        Assert.Contains("before-the-tower", game.Text());
    }

    [Fact]
    public async Task The_load_dialog_picks_a_save_with_the_arrows_and_continues_it()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        await game.Command("/save start");
        await game.Command("e");
        Assert.Contains("Chapel Row", game.Text());
        await game.Press(Key.F3);
        var screen = game.Text();
        Assert.Contains("Load game", screen);
        Assert.Contains("▶", screen);
        var rows = screen.Split('\n');
        var start = Array.FindIndex(rows, r => r.Contains("  start ") || r.Contains("▶ start "));
        var picked = Array.FindIndex(rows, r => r.Contains('▶'));
        for (var i = picked; i < start; i++)
        {
            await game.Press(Key.CursorDown);
        }
        await game.Press(Key.Enter);
        Assert.Equal("The Drowned Bell", game.Play.Controller.View()!.Place);
    }

    [Fact]
    public async Task Resizing_reflows_the_story_and_folds_the_panel_on_a_narrow_screen()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        var wide = game.Text();
        Assert.Contains("Here:", wide);
        Assert.Contains("Smoke and wet wool in the Drowned Bell. Every face is turned to the window, where", wide);

        game.Resize(80, 24);
        var narrow = game.Text();
        Assert.Equal(24, narrow.TrimEnd('\n').Split('\n').Length);
        Assert.DoesNotContain("Here:", narrow);
        Assert.Contains("Smoke and wet wool in the Drowned Bell. Every face is turned to the window,", narrow);
        Assert.DoesNotContain("window, where", narrow);
        Assert.Contains("The Drowned Bell · day 12", narrow);
    }

    [Fact]
    public async Task Arriving_somewhere_puts_the_place_in_the_story_pane_under_its_name()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);

        await game.Command("e");

        var lines = game.Play.Log.Snapshot();
        var heading = lines.Select((l, i) => (Line: l, Index: i)).Last(x => x.Line.Tone == StoryTone.Heading && x.Line.Text.Contains("Chapel Row", StringComparison.Ordinal));
        Assert.True(heading.Index < lines.Count - 1, "the place's description follows its name");
        Assert.Contains("Chapel Row", game.Text());
    }

    [Fact]
    public async Task The_map_draws_the_places_visited_where_their_exits_lead_with_the_player_in_brackets()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path, 120, 40);
        await game.Command("e");
        await game.Command("n");
        await game.Press(Key.F6);
        var rows = game.Text().Split('\n');
        var bell = Array.FindIndex(rows, r => r.Contains(" Drowned Bell "));
        var row = Array.FindIndex(rows, r => r.Contains(" Chapel Row "));
        var steps = Array.FindIndex(rows, r => r.Contains('[') && r.Contains("Steps]"));
        Assert.True(bell >= 0 && row >= 0 && steps >= 0, string.Join('\n', rows));
        Assert.Equal(bell, row);
        Assert.True(rows[bell].IndexOf(" Drowned Bell ", StringComparison.Ordinal) < rows[row].IndexOf(" Chapel Row ", StringComparison.Ordinal));
        Assert.True(steps < row);
        Assert.Contains("Places visited", string.Join('\n', rows));
        await game.Press(Key.Esc);
        Assert.Null(game.Screen.Dialog);
    }

    [Fact]
    public async Task Scrolling_up_stays_put_and_marks_new_text_until_End()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path);
        await game.Command("look");
        await game.Press(Key.PageUp);
        var top = game.Screen.Story.Top;
        Assert.False(game.Screen.Story.Following);
        await game.Command("look");
        Assert.Equal(top, game.Screen.Story.Top);
        Assert.Contains("new text", game.Text());
        await game.Press(Key.End);
        Assert.True(game.Screen.Story.Following);
        Assert.DoesNotContain("new text", game.Text());
    }

    [Fact]
    public async Task Search_finds_the_words_in_the_story_and_F8_writes_the_transcript()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path);
        await game.Command("look");
        await game.Press(Key.F.WithCtrl);
        game.Keys("shut the door");
        await game.Press(Key.Enter);
        Assert.Contains("Shut the door", game.Play.Log.Snapshot()[game.Screen.Story.Found].Text);
        await game.Press(Key.F8);
        var transcript = Assert.Single(Directory.GetFiles(_folder.Path, "transcript-*.txt"));
        var text = File.ReadAllText(transcript);
        Assert.Contains("> look", text);
        Assert.Contains("Maud Corrie says: “Shut the door, pet.", text);
    }

    [Fact]
    public async Task Quitting_asks_first_and_n_goes_back_to_the_game()
    {
        using var game = await GameOnScreen.StartAsync("greywick", _folder.Path);
        await game.Press(Key.Q.WithCtrl);
        Assert.Contains("Quit now? (y/n)", game.Text());
        game.Keys("n");
        Assert.Null(game.Screen.Dialog);
        Assert.False(game.Play.Quit);
        await game.Press(Key.Q.WithCtrl);
        game.Keys("y");
        await game.Press(Key.Empty);
        Assert.True(game.Play.Quit);
    }

    public void Dispose() => _folder.Dispose();
}
