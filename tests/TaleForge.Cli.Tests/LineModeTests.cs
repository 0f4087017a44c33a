using TaleForge.Cli.Play;

namespace TaleForge.Cli.Tests;

/// <summary>Line mode's wrapping by display width, pasted lines, and world regression tests from the command line.</summary>
public class LineModeTests
{
    [Fact]
    public void Chinese_text_wraps_by_display_width_and_no_line_starts_with_punctuation()
    {
        const string text = "一间木板正堂，八仙桌上摆着今年新压的茶饼，炭炉上的铁壶咕嘟作响。门外雨声连成一片。";

        foreach (var width in new[] { 10, 13, 20, 21, 40 })
        {
            var lines = DisplayWrap.Wrap(text, width).Split('\n');
            Assert.All(lines, line => Assert.True(DisplayWrap.Width(line) <= width + 2, $"'{line}' is wider than {width}"));
            Assert.All(lines.Skip(1), line => Assert.DoesNotContain(line[0], "，。、；：？！”"));
            Assert.Equal(text, string.Concat(lines));
        }
        Assert.Equal(22, DisplayWrap.Width("一间木板正堂，八仙桌上"));
        Assert.Equal(9, DisplayWrap.Width("Ines 阿沅"));
    }

    [Fact]
    public void English_text_wraps_between_words_and_keeps_its_punctuation_on_the_line()
    {
        var wrapped = DisplayWrap.Wrap("Maud Corrie says: \u201cShut the door, pet. You're letting the dark in.\u201d", 20);

        Assert.Equal("Maud Corrie says:\n\u201cShut the door, pet.\nYou're letting the\ndark in.\u201d", wrapped);
        Assert.Equal("short line", DisplayWrap.Wrap("short line", 20));
        Assert.Equal("left as it is", DisplayWrap.Wrap("left as it is", 0));
    }

    [Fact]
    public async Task Lines_pasted_together_are_sent_as_one_message()
    {
        var world = TestWorld.Harbour();
        using var controller = new Engine.Play.PlayController(new Engine.Session.GameSession(world, Engine.Session.Cast.Authored(world, "mara")));
        using var output = new StringWriter();
        var pasted = new Queue<bool>([true, false, false]);
        var loop = new PlayLoop(new StringReader("say Hello\nthere, Tomas.\nlook\n"), output, new StoryPrinter(output, TerminalStyle.Plain, "mara"), echoInput: false, () => pasted.Dequeue());

        await loop.RunAsync(controller, CancellationToken.None);

        Assert.Contains("You say: \u201cHello there, Tomas.\u201d", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("the Quay\nWet stones", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chinese_world_played_to_its_end_in_chinese_shows_no_english_interface_text()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("zh.txt", string.Join('\n',
            "帮助", "说：婆婆，茶印在哪里？", "北", "拿", "拿 油灯", "南", "东", "查着茶印", "拿 茶印", "背包", "查看自己",
            "看", "飞", "西", "把 茶印 交给 婆婆", "等待", ""));

        var run = await Cli.RunAsync("play", "tea-house-rain", "--dir", Repository.Worlds, "--script", script, "--no-save", "--plain");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("*** 全剧终 ***", run.Output, StringComparison.Ordinal);
        // The only Latin letters a Chinese player sees are the keys and slash commands /help names for them.
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "help", "retry", "save", "timing", "n", "s", "e", "w", "u", "d", "in", "out", "Ctrl", "C", "D" };
        var latin = System.Text.RegularExpressions.Regex.Matches(run.Output, "[A-Za-z]+").Select(m => m.Value).Where(word => !allowed.Contains(word)).ToList();
        Assert.Empty(latin);
    }

    [Fact]
    public async Task A_script_that_runs_out_before_the_story_ends_exits_with_code_3_and_one_that_quits_with_0()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("short.txt", "look\nwait\n");

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--script", script, "--no-save");

        Assert.Equal(3, run.ExitCode);
        Assert.EndsWith("(end of input)\n", run.Output, StringComparison.Ordinal);

        var quitting = folder.Write("quit.txt", "look\n/quit\n");
        Assert.Equal(0, (await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--script", quitting, "--no-save")).ExitCode);
    }

    [Fact]
    public async Task Test_plays_each_sample_worlds_scripts_and_passes()
    {
        foreach (var world in new[] { "greywick", "tea-house-rain" })
        {
            var run = await Cli.RunAsync("test", world, "--dir", Repository.Worlds);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("PASS walkthrough", run.Output, StringComparison.Ordinal);
            Assert.EndsWith("1 of 1 play-throughs passed.\n", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Test_reports_each_expectation_that_fails_and_exits_1()
    {
        using var folder = new TemporaryFolder();
        CopyFolder(Path.Combine(Repository.Worlds, "tea-house-rain"), folder.Path);
        folder.Write("tests/walkthrough.script", "北\n#expect ended\n#expect flag deal_done\n#expect at porch\n");
        folder.Write("tests/kitchen.script", "#expect not ended\n#expect at kitchen\n北\n");

        var run = await Cli.RunAsync("test", folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PASS kitchen (1 commands)", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL walkthrough (1 commands)", run.Output, StringComparison.Ordinal);
        Assert.Contains("expected the story to end, but it did not", run.Output, StringComparison.Ordinal);
        Assert.Contains("expected flag 'deal_done' to be set", run.Output, StringComparison.Ordinal);
        Assert.Contains("expected the player at 'porch', but they are at 'kitchen'", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 of 2 play-throughs passed.\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_on_a_world_with_no_scripts_says_where_to_put_one()
    {
        using var folder = new TemporaryFolder();
        File.Copy(Path.Combine(Repository.Worlds, "tea-house-rain", "world.yaml"), Path.Combine(folder.Path, "world.yaml"));

        var run = await Cli.RunAsync("test", folder.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("keeps no scripted play-throughs", run.Error, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
