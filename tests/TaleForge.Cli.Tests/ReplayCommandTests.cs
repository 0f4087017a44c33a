using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaleForge.Cli.Tests;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Replay_tells_the_story_as_the_narrator_tells_it_with_scene_and_round_headings()
    {
        var path = await Recorded.AuthoredAsync(_folder.Path);

        var run = await Cli.RunAsync("replay", path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal("The Lamp at Greywick: greywick-authored.jsonl, seed 3, the main branch, as the narrator tells it", lines[0]);
        Assert.Equal("== scene evening-tide ==", lines[1]);
        Assert.Matches(@"^\s+0  The Evening Tide$", lines[2]);
        Assert.Contains("-- round 1 --", lines);
        Assert.Contains("-- round 2 --", lines);
        Assert.Contains(lines, l => l.EndsWith("Maud stops polishing and stares past you at the black window.", StringComparison.Ordinal));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Replay_as_a_character_shows_only_what_it_perceived_and_its_own_turns()
    {
        var path = await Recorded.PlayedAsync(_folder.Path);

        var ines = await Cli.RunAsync("replay", path, "--character", "Ines");
        var everything = await Cli.RunAsync("replay", path);

        Assert.Equal(0, ines.ExitCode);
        Assert.StartsWith("The Lamp at Greywick: greywick-played.jsonl, seed 5, the main branch, as ines perceived it", ines.Output, StringComparison.Ordinal);
        Assert.Contains("You say: \u201cThe lamp is dark. Someone must go up.\u201d", ines.Output, StringComparison.Ordinal);
        Assert.Contains("> player_turn (you decide): action=\"\" dialogue=\"The lamp is dark. Someone must go up.\"", ines.Output, StringComparison.Ordinal);
        // The undone line is not on the main branch; the narrator's view names her in the third person.
        Assert.DoesNotContain("Something is wrong at the tower.", ines.Output, StringComparison.Ordinal);
        Assert.Contains("Ines Calder says: \u201cThe lamp is dark. Someone must go up.\u201d", everything.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_of_an_earlier_step_shows_the_undone_branch()
    {
        var path = await Recorded.PlayedAsync(_folder.Path);
        var undone = (await Cli.RunAsync("replay", path, "--json")).Output;
        var json = await Cli.RunAsync("replay", path, "--json", "--character", "ines");
        var lines = File.ReadAllLines(path);
        var step = (long)JsonNode.Parse(lines.First(l => l.Contains("Something is wrong at the tower.", StringComparison.Ordinal) && l.Contains("\"said\"", StringComparison.Ordinal)))!["step"]!;

        var run = await Cli.RunAsync("replay", path, "--step", step.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the branch to step", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("Ines Calder says: \u201cSomething is wrong at the tower.\u201d\n", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Something is wrong", undone, StringComparison.Ordinal);
        Assert.All(json.Output.TrimEnd('\n').Split('\n'), line => Assert.NotNull(JsonNode.Parse(line)));
    }

    [Fact]
    public async Task Replay_json_prints_the_records_of_one_phase_as_lines_of_the_file()
    {
        var path = await Recorded.AuthoredAsync(_folder.Path);
        var fileLines = File.ReadAllLines(path).ToHashSet();

        var run = await Cli.RunAsync("replay", path, "--json", "--phase", "round-end");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(fileLines.Count(l => l.Contains("\"phase\":\"round_end\"", StringComparison.Ordinal)), lines.Length);
        Assert.All(lines, line => Assert.Contains(line, fileLines));
        Assert.All(lines, line => Assert.Equal("round_end", (string?)JsonNode.Parse(line)!["phase"]));
    }

    [Fact]
    public async Task An_unknown_phase_or_character_or_step_is_an_error_that_lists_the_choices()
    {
        var path = await Recorded.AuthoredAsync(_folder.Path);

        var phase = await Cli.RunAsync("replay", path, "--phase", "lunch");
        var character = await Cli.RunAsync("replay", path, "--character", "Nobody");
        var step = await Cli.RunAsync("replay", path, "--step", "999999");

        Assert.Equal((1, 1, 1), (phase.ExitCode, character.ExitCode, step.ExitCode));
        Assert.StartsWith("error: --phase 'lunch' is not a narrator phase; the phases are scene_setup, round_start,", phase.Error, StringComparison.Ordinal);
        Assert.Equal($"error: {path} has no character 'Nobody'; its characters are abel, ines, maud, pell.\n", character.Error);
        Assert.Contains("has no step 999999", step.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_last_line_is_skipped_with_a_warning_and_damage_elsewhere_exits_1_naming_the_line()
    {
        var path = await Recorded.AuthoredAsync(_folder.Path);
        var text = await File.ReadAllTextAsync(path);
        var truncated = _folder.Write("truncated.jsonl", text[..(text.TrimEnd('\n').LastIndexOf('\n') + 40)]);
        var lines = text.Split('\n');
        lines[5] = lines[5][..25];
        var corrupt = _folder.Write("corrupt.jsonl", string.Join('\n', lines));

        var cut = await Cli.RunAsync("replay", truncated);
        var damaged = await Cli.RunAsync("replay", corrupt);

        Assert.Equal(0, cut.ExitCode);
        Assert.Matches($@"^warning: {System.Text.RegularExpressions.Regex.Escape(truncated)}:\d+: the last line is incomplete \(the writer was stopped mid-line\); it was skipped\.\n$", cut.Error);
        Assert.Equal(1, damaged.ExitCode);
        Assert.StartsWith($"error: {corrupt}:6: the line is not valid JSON", damaged.Error, StringComparison.Ordinal);
        Assert.Equal("", damaged.Output);
    }

    [Fact]
    public async Task A_missing_file_and_a_file_that_is_not_a_trajectory_exit_1()
    {
        var missing = await Cli.RunAsync("replay", Path.Combine(_folder.Path, "none.jsonl"));
        var notOne = await Cli.RunAsync("replay", _folder.Write("notes.jsonl", "{\"hello\":1}\n"));

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("none.jsonl:0: the file does not exist; check the path.", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, notOne.ExitCode);
        Assert.Contains("notes.jsonl:1: the first line is not a trajectory header", notOne.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_an_authored_play_through_with_an_undo_finds_no_difference()
    {
        var path = await Recorded.PlayedAsync(_folder.Path);

        var run = await Cli.RunAsync("replay", path, "--verify");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"identical: all \d+ records of the main branch match \(timings aside\)\.", run.Output);
    }

    [Fact]
    public async Task Verify_finds_the_first_difference_in_a_doctored_file_and_exits_1()
    {
        var path = await Recorded.PlayedAsync(_folder.Path);
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains("\"text\":\"Ines Calder says: \u201cThe lamp is dark.", StringComparison.Ordinal));
        var line = JsonNode.Parse(lines[index])!;
        line["text"] = "Ines Calder says nothing.";
        lines[index] = line.ToJsonString();
        var doctored = _folder.Write("doctored.jsonl", string.Join('\n', lines) + "\n");

        var run = await Cli.RunAsync("replay", doctored, "--verify");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"(event said at step {line["step"]}) differs in 'text': expected \"Ines Calder says nothing.\", got \"Ines Calder says: \u201cThe lamp is dark. Someone must go up.\u201d\"", run.Output, StringComparison.Ordinal);
        Assert.StartsWith("differs: record ", run.Output.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflicting_replay_options_are_refused_before_any_work()
    {
        var path = await Recorded.AuthoredAsync(_folder.Path);

        var both = await Cli.RunAsync("replay", path, "--verify", "--swap", "maud=x.gguf");
        var modelWithoutVerify = await Cli.RunAsync("replay", path, "--model", "x.gguf");
        var swapWithoutOut = await Cli.RunAsync("replay", path, "--swap", "maud=x.gguf");
        var badSwap = await Cli.RunAsync("replay", path, "--swap", "maud", "--out", _folder.Path);

        Assert.Equal("error: --verify and --swap do different things; give one of them.\n", both.Error);
        Assert.StartsWith("error: --model tells --verify (or --swap) where a recorded model is", modelWithoutVerify.Error, StringComparison.Ordinal);
        Assert.Equal("error: --swap needs --out DIR: the folder for the new trajectory.\n", swapWithoutOut.Error);
        Assert.Equal("error: --swap takes CHARACTER=MODEL (e.g. --swap tomas=other.gguf), not 'maud'.\n", badSwap.Error);
        Assert.All(new[] { both, modelWithoutVerify, swapWithoutOut, badSwap }, r => Assert.Equal(1, r.ExitCode));
    }

    [Fact]
    public async Task The_schema_command_prints_the_checked_in_trajectory_schema()
    {
        var run = await Cli.RunAsync("schema", "trajectory");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "docs", "schema", "trajectory.schema.json")), run.Output);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(4, json.RootElement.GetProperty("oneOf").GetArrayLength());
    }
}

[Slow]
[NeedsNativeLibrary]
public sealed class TinyModelReplayTests(TinyModelEpisode episode) : IClassFixture<TinyModelEpisode>
{
    [Fact]
    public async Task Verify_of_a_tiny_model_episode_finds_no_difference()
    {
        var run = await Cli.RunAsync("replay", episode.Trajectory, "--verify", "--json");

        Assert.Equal(0, run.ExitCode);
        var result = JsonNode.Parse(run.Output)!;
        Assert.True((bool)result["identical"]!);
        Assert.Null(result["first_difference"]);
        var records = File.ReadAllLines(episode.Trajectory).Length - 1;
        Assert.Equal(records, (int)result["compared"]!);
        Assert.True(records > 20);
    }

    [Fact]
    public async Task Verify_refuses_a_model_whose_hash_differs_and_says_where_it_looked_for_a_missing_one()
    {
        var other = Recorded.TinyModel(episode.Folder, seed: 43);
        var moved = Path.Combine(episode.Folder, "elsewhere", "trajectory.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.Copy(episode.Trajectory, moved, overwrite: true);

        var wrong = await Cli.RunAsync("replay", moved, "--verify", "--model", other);
        var missing = await Cli.RunAsync("replay", moved, "--verify");

        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains($"{other} is not the model {moved} was played with: its SHA-256 is ", wrong.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("the model tiny-42.gguf that played characters is not at ", missing.Error, StringComparison.Ordinal);
        Assert.Contains("pass --model PATH to it.", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swap_writes_a_new_trajectory_that_keeps_the_replies_whose_prompts_are_unchanged_and_asks_the_rest_again()
    {
        var other = Recorded.TinyModel(episode.Folder, seed: 44);
        var output = Path.Combine(episode.Folder, "swapped");

        var run = await Cli.RunAsync("replay", episode.Trajectory, "--swap", $"ben={other}", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var written = Path.Combine(output, "cove-tiny-swap-ben.jsonl");
        Assert.StartsWith($"wrote {written}: ben played by tiny-44.gguf, every other role from the recording where its prompt is unchanged; ", run.Output, StringComparison.Ordinal);
        var header = JsonNode.Parse(File.ReadLines(written).First())!;
        Assert.Equal(("ben", "tiny-44.gguf", "cove-tiny.jsonl"),
            ((string?)header["swap"]!["character"], (string?)header["swap"]!["model"]!["file"], (string?)header["swap"]!["trajectory"]));
        Assert.Equal(["tiny-42.gguf"], header["swap"]!["reasked"]!.AsArray().Select(m => (string?)m));
        static List<JsonNode> Calls(string path) =>
            [.. File.ReadAllLines(path).Skip(1).Select(l => JsonNode.Parse(l)!).Where(r => (string?)r["record"] == "call")];
        var recorded = Calls(episode.Trajectory);
        var swapped = Calls(written);
        Assert.All(swapped.Where(c => (string?)c["role"] == "character:ben"), c => Assert.Equal("tiny-44.gguf", (string?)c["model"]));
        // Ada and the narrator give their recorded replies, occurrence by occurrence, until Ben's first turn changes what they are asked.
        foreach (var role in new[] { "character:ada", "narrator" })
        {
            var before = recorded.Where(c => (string?)c["role"] == role).ToList();
            var after = swapped.Where(c => (string?)c["role"] == role).ToList();
            var unchanged = before.Zip(after).TakeWhile(p => p.First["prompt"]!.ToJsonString() == p.Second["prompt"]!.ToJsonString()).ToList();
            Assert.All(unchanged, p => Assert.Equal((string?)p.First["raw"], (string?)p.Second["raw"]));
        }
    }
}
