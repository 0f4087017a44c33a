using TaleForge.Engine.Saves;

namespace TaleForge.Cli.Tests;

public class PlayCommandTests
{
    [Slow]
    [Fact]
    public async Task Playing_the_default_world_from_its_walkthrough_reaches_the_ending_and_saves_it()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("greywick.txt", Walkthrough.Script("greywick"));
        var saves = Path.Combine(folder.Path, "saves");

        var run = await Cli.RunAsync("play", "--dir", Repository.Worlds, "--script", script, "--saves", saves, "--save", "ines");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No model is configured: characters speak the lines their author wrote (authored mode).", run.Output, StringComparison.Ordinal);
        Assert.Contains("You are Ines Calder.", run.Output, StringComparison.Ordinal);
        Assert.Contains("> take can\nYou take the can of paraffin.", run.Output, StringComparison.Ordinal);
        Assert.Contains("The story ends here.\n\n*** The End ***\n", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("load NAME to open a save, or quit.\n(end of input; the game is saved as 'ines')\n", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);
        var saved = SavedGame.Open(Path.Combine(saves, "ines"));
        Assert.True(saved.Snapshot!.Finished);
        Assert.Equal("midnight", saved.Snapshot.Scene);
    }

    [Fact]
    public async Task The_chinese_world_plays_in_chinese_to_its_ending()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("tea.txt", Walkthrough.Script("tea-house-rain"));

        var run = await Cli.RunAsync("play", "tea-house-rain", "--dir", Repository.Worlds, "--script", script, "--no-save");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("雨夜茶寮\n未配置模型：角色将说作者写好的台词（作者模式）。\n你扮演阿沅。输入 /help 查看命令。\n", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Type /help", run.Output, StringComparison.Ordinal);
        Assert.Contains("你拿起了油灯。", run.Output, StringComparison.Ordinal);
        Assert.Contains("故事到此结束。\n\n*** 全剧终 ***\n", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("或“退出”。\n（输入结束）\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_the_game_lines_of_a_chinese_world_are_in_chinese()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("help.txt", "/help\n/undo\n/save\n/quit\n");

        var run = await Cli.RunAsync("play", "tea-house-rain", "--dir", Repository.Worlds, "--script", script, "--no-save");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("> /help\n行动：", run.Output, StringComparison.Ordinal);
        Assert.Contains("> /undo\n没有更早的回合可以回去。\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("> /save\n本局游戏未开启存档（--no-save）。\n", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("> /quit\n再见。\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_undo_and_named_saves_work_from_a_script_and_a_save_continues_where_it_stopped()
    {
        using var folder = new TemporaryFolder();
        var saves = Path.Combine(folder.Path, "saves");
        var first = folder.Write("first.txt", "look\nsay Maud, I need the key to the oil store.\ninventory\n/undo\ninventory\n/redo\n/save keep\n/quit\n");

        var run = await Cli.RunAsync("play", "--dir", Repository.Worlds, "--script", first, "--saves", saves, "--save", "game");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("> look\nThe Drowned Bell\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("> inventory\nYou are carrying the letter from the Lights Board and the oil store key.", run.Output, StringComparison.Ordinal);
        Assert.Contains("> /undo\nUndone: back to your previous turn.\n> inventory\nYou are carrying the letter from the Lights Board.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Saved as 'keep'.", run.Output, StringComparison.Ordinal);

        var again = folder.Write("again.txt", "inventory\n/quit\n");
        var resumed = await Cli.RunAsync("play", "--dir", Repository.Worlds, "--load", "keep", "--script", again, "--saves", saves);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("> inventory\nYou are carrying the letter from the Lights Board and the oil store key.", resumed.Output, StringComparison.Ordinal);

        var list = await Cli.RunAsync("saves", "--saves", saves);
        Assert.Contains("  keep: The Lamp at Greywick, as ines, scene evening-tide", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observer_mode_plays_every_character_itself()
    {
        var run = await Cli.RunAsync("play", "tea-house-rain", "--dir", Repository.Worlds, "--observe", "--no-save");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("故事到此结束。\n", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as", "nobody", "has no character 'nobody'")]
    [InlineData("--load", "missing", "there is no save called 'missing'")]
    public async Task Bad_choices_are_refused_with_what_to_do(string option, string value, string message)
    {
        using var folder = new TemporaryFolder();
        var run = await Cli.RunAsync("play", "--dir", Repository.Worlds, option, value, "--saves", folder.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_writes_one_trajectory_per_characterbox_scene()
    {
        using var folder = new TemporaryFolder();
        var source = Path.Combine(Repository.Root, "tests", "TaleForge.Content.Tests", "CharacterBox", "salt-and-lanterns.json");

        var run = await Cli.RunAsync("simulate", source, "--rounds", "2", "--out", folder.Path);

        Assert.Equal(0, run.ExitCode);
        var trajectories = Directory.GetFiles(folder.Path, "*.jsonl", SearchOption.AllDirectories).Order().ToList();
        Assert.Equal(2, trajectories.Count);
        var file = Engine.Trajectories.TrajectoryFile.Read(trajectories[0]);
        Assert.Equal("authored", file.Header.Mode);
        Assert.Equal(2, file.Events.Count(e => e.Event is Core.Events.WorldEvent.RoundStarted));
        Assert.True(File.Exists(Path.Combine(folder.Path, "manifest.json")));

        var again = await Cli.RunAsync("simulate", source, "--rounds", "2", "--out", folder.Path);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds a run", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_narrator_graph_is_mermaid_with_every_phase()
    {
        var run = await Cli.RunAsync("narrator-graph");
        Assert.StartsWith("stateDiagram-v2", run.Output, StringComparison.Ordinal);
        foreach (var phase in Enum.GetNames<Engine.Narration.NarratorPhase>())
        {
            Assert.Contains(phase, run.Output, StringComparison.Ordinal);
        }
    }
}
