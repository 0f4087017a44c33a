using System.Text.Json;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>What play refuses about saves, refused before anything is written and naming what the player named.</summary>
public class SaveRefusalTests
{
    private static async Task<string> PlayedSaveAsync(TemporaryFolder folder, string name)
    {
        var script = folder.Write($"{name}.txt", "wait\nwait\nquit\n");
        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--script", script, "--saves", Saves(folder), "--save", name);
        Assert.Equal(0, run.ExitCode);
        return Path.Combine(Saves(folder), name);
    }

    private static string Saves(TemporaryFolder folder) => Path.Combine(folder.Path, "saves");

    private static string[] Entries(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).OfType<string>()] : [];

    [Theory]
    [InlineData("--save", "two\nlines")]
    [InlineData("--save", "a:b")]
    [InlineData("--save", "why?")]
    [InlineData("--save", "pipe|name")]
    [InlineData("--save", "<tag>")]
    [InlineData("--save", "star*")]
    public async Task A_save_name_with_characters_no_folder_should_hold_is_refused_before_anything_is_written(string option, string name)
    {
        using var folder = new TemporaryFolder();

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--saves", Saves(folder), option, name);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: '{name.Replace("\n", "\\u000A", StringComparison.Ordinal)}' cannot name a save", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Saves(folder)));
    }

    [Theory]
    [InlineData("--load", "x")]
    [InlineData("--continue", null)]
    [InlineData("--save", "mine")]
    public async Task No_save_with_an_option_that_writes_one_is_refused_before_anything_is_written(string option, string? value)
    {
        using var folder = new TemporaryFolder();
        string[] args = ["play", "greywick", "--dir", Repository.Worlds, "--saves", Saves(folder), "--no-save", option];

        var run = await Cli.RunAsync(value is null ? args : [.. args, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --no-save plays without writing a save, but --load, --continue and --save write one; drop one or the other.\n", run.Error);
        Assert.False(Directory.Exists(Saves(folder)));
    }

    [Fact]
    public async Task A_missing_script_is_refused_before_anything_is_written()
    {
        using var folder = new TemporaryFolder();
        var script = Path.Combine(folder.Path, "nowhere.txt");

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--saves", Saves(folder), "--script", script);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: the script file '{script}' does not exist.\n", run.Error);
        Assert.False(Directory.Exists(Saves(folder)));
    }

    [Fact]
    public async Task A_saves_folder_that_is_a_file_is_refused_at_the_start()
    {
        using var folder = new TemporaryFolder();
        var file = folder.Write("saves", "not a folder");

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--saves", file, "--observe");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: the saves folder {file} cannot hold saves (it is a file, not a folder); choose another with --saves FOLDER or TALEFORGE_SAVES, or play without saving with --no-save.\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_refused_load_leaves_no_copy_and_names_the_save_asked_for()
    {
        using var folder = new TemporaryFolder();
        var save = await PlayedSaveAsync(folder, "kept");
        var snapshotPath = Path.Combine(save, SaveSlot.SnapshotFileName);
        var snapshot = JsonSerializer.Deserialize<SaveSnapshot>(File.ReadAllBytes(snapshotPath), TrajectoryJson.Options)!;
        File.WriteAllBytes(snapshotPath, JsonSerializer.SerializeToUtf8Bytes(snapshot with { StateDigest = "sha256:0" }, TrajectoryJson.Options));
        var before = Entries(Saves(folder));

        var run = await Cli.RunAsync("play", "--dir", Repository.Worlds, "--saves", Saves(folder), "--load", "kept");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {save}: replaying the trajectory does not give the state the snapshot recorded; the save is damaged. Restore it from a backup.\n", run.Error);
        Assert.Equal(before, Entries(Saves(folder)));
    }

    [Fact]
    public async Task Continue_reports_a_damaged_latest_save_instead_of_finding_none()
    {
        using var folder = new TemporaryFolder();
        var save = await PlayedSaveAsync(folder, "broken");
        File.WriteAllText(Path.Combine(save, SaveSlot.SnapshotFileName), "{ not json");
        File.WriteAllText(Path.Combine(save, SaveSlot.TrajectoryFileName), "garbage\n");

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--saves", Saves(folder), "--continue");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: no save of 'greywick' in {Saves(folder)} can be continued; these saves are damaged: broken (no readable snapshot (", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(save, SaveSlot.TrajectoryFileName)}:1: the header is not valid JSON", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("there is no unfinished game", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_resumes_a_save_whose_snapshot_is_damaged_from_its_trajectory()
    {
        using var folder = new TemporaryFolder();
        var save = await PlayedSaveAsync(folder, "cache-lost");
        File.WriteAllText(Path.Combine(save, SaveSlot.SnapshotFileName), "{ not json");
        var script = folder.Write("quit.txt", "quit\n");

        var run = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--saves", Saves(folder), "--continue", "--script", script);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("is damaged", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("'cache-lost'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recording_whose_player_the_world_lacks_is_a_clear_error()
    {
        using var folder = new TemporaryFolder();
        var save = await PlayedSaveAsync(folder, "played");
        var trajectory = Path.Combine(save, SaveSlot.TrajectoryFileName);
        var lines = File.ReadAllLines(trajectory);
        var edited = folder.Write("edited.jsonl", string.Join('\n', [lines[0].Replace("\"player\":\"ines\"", "\"player\":\"zed\"", StringComparison.Ordinal), .. lines[1..]]) + "\n");

        var run = await Cli.RunAsync("replay", edited, "--verify");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {edited}:1: the header's player 'zed' is not a character of the world 'greywick' (its characters are ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_prints_a_recorded_escape_sequence_as_visible_text()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("osc.txt", "say hello \u001b]52;c;ZXZpbA==\u0007 and \u001b[2J \u202e done\nquit\n");
        var play = await Cli.RunAsync("play", "greywick", "--dir", Repository.Worlds, "--script", script, "--saves", Saves(folder), "--save", "osc");
        Assert.DoesNotContain('\u001b', play.Output);

        var run = await Cli.RunAsync("replay", Path.Combine(Saves(folder), "osc", SaveSlot.TrajectoryFileName));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("hello \\u001B]52;c;ZXZpbA==\\u0007 and \\u001B[2J \\u202E done", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output, c => c is '\u001b' or '\u0007' or '\u202e');
    }
}
