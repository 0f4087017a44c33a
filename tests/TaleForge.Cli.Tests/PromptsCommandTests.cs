using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>
/// <c>prompts export</c> and <c>prompts check</c>, and <c>--prompts DIR</c> on a run: the built-in templates written out
/// check clean, a bad one is refused with its file and line before any model loads, and a run asks with the folder's
/// templates and names them in its header.
/// </summary>
public sealed class PromptsCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<string> ExportAsync(string name)
    {
        var folder = Path.Combine(_folder.Path, name);
        var run = await Cli.RunAsync("prompts", "export", folder);
        Assert.True(run.ExitCode == 0, run.Error);
        return folder;
    }

    [Fact]
    public async Task The_exported_built_in_templates_check_clean()
    {
        var folder = await ExportAsync("mine");

        var check = await Cli.RunAsync("prompts", "check", folder);

        Assert.True(check.ExitCode == 0, check.Error);
        var files = Directory.GetFiles(folder, "*.sbn", SearchOption.AllDirectories);
        Assert.Equal(files.Length / 2, Directory.GetFiles(Path.Combine(folder, "zh"), "*.sbn").Length);
        Assert.Contains(Path.Combine(folder, "en", "character-turn.sbn"), files);
        Assert.Contains(Path.Combine(folder, "zh", "judge-character.sbn"), files);
        Assert.Contains($"{files.Length} templates checked", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_over_templates_already_there_overwrites_nothing()
    {
        var folder = await ExportAsync("mine");
        var turn = Path.Combine(folder, "en", "character-turn.sbn");
        await File.WriteAllTextAsync(turn, "My own words.\n");

        var again = await Cli.RunAsync("prompts", "export", folder);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal("My own words.\n", await File.ReadAllTextAsync(turn));
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_fails_the_check_naming_its_file_and_line()
    {
        var folder = await ExportAsync("mine");
        var result = Path.Combine(folder, "en", "narrator-result.sbn");
        await File.AppendAllTextAsync(result, "Remember {{ sumary }}.\n");

        var check = await Cli.RunAsync("prompts", "check", folder);

        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"{result}:2: unknown placeholder 'sumary'; known: characters, turn", check.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_a_bad_template_stops_before_any_model_is_loaded()
    {
        var folder = Path.Combine(_folder.Path, "bad");
        var path = _folder.Write("bad/zh/character-turn.sbn", "轮到你了。\n{{ for c in commands }}\n");

        var run = await Cli.RunAsync("simulate", CharacterBoxRuns.English, "--scene", "1", "--rounds", "1",
            "--model", Path.Combine(_folder.Path, "missing.gguf"), "--prompts", folder, "--out", Path.Combine(_folder.Path, "runs"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(path + ":", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("missing.gguf", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_prompt_folder_is_a_usage_error()
    {
        var run = await Cli.RunAsync("prompts", "check", Path.Combine(_folder.Path, "nowhere"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("taleforge prompts export", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_asks_with_the_folder_s_templates_and_its_header_names_them()
    {
        var folder = Path.Combine(_folder.Path, "mine");
        _folder.Write("mine/en/character-profile.sbn", "You are {{ name }} of \"{{ world_title }}\"; play nobody else.\n");
        var model = TinyModels.Write(Path.Combine(_folder.Path, "tiny.gguf"));
        var output = Path.Combine(_folder.Path, "runs");

        var run = await Cli.RunAsync("simulate", CharacterBoxRuns.English, "--scene", "1", "--rounds", "1", "--model", model, "-c", "4096",
            "--prompts", folder, "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        var file = TrajectoryFile.Read(Directory.GetFiles(output, "*.jsonl", SearchOption.AllDirectories).Single());
        Assert.Matches("^mine sha256:[0-9a-f]{64}$", file.Header.Prompts);
        var characterCalls = file.Calls.Where(c => c.Character is not null && c.Prompt.Length > 0).ToList();
        Assert.NotEmpty(characterCalls);
        Assert.All(characterCalls, c => Assert.Matches("^You are .+ of \".+\"; play nobody else\\.$", c.Prompt[0].Text));
        Assert.Contains(file.Calls, c => c.Role == Engine.Agents.Role.Narrator && c.Prompt.Length > 0 && c.Prompt[0].Text.StartsWith("You are the narrator of", StringComparison.Ordinal));

        var verify = await Cli.RunAsync("replay", file.Path, "--verify");

        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("give --prompts DIR with those very templates", verify.Error, StringComparison.Ordinal);
    }
}
