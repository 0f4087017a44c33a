using System.Text.Json;

namespace TaleForge.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Broken = """
        spec: taleforge/world@1
        world: {id: broken, title: Broken}
        locations:
          - id: hall
            name: Hall
            exits: [{direction: north, to: cellar}]
        characters: [{id: ann, name: Ann, player: true}]
        scenes: [{id: s, location: hall, end: {max_rounds: 1}}]
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Validating_the_sample_worlds_exits_0_and_says_ok_for_each()
    {
        var greywick = Path.Combine(Repository.Worlds, "greywick");
        var tea = Path.Combine(Repository.Worlds, "tea-house-rain");

        var run = await Cli.RunAsync("validate", greywick, tea);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{greywick}: ok (12 files)\n{tea}: ok (1 file)\n", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_broken_world_exits_1_with_file_line_column_code_message_and_hint_on_stderr()
    {
        var world = Path.Combine(_folder.Path, "broken");
        _folder.Write("broken/world.yaml", Broken);

        var run = await Cli.RunAsync("validate", world);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"{world}/world.yaml:6:36: error TF201: an exit of 'hall' leads to 'cellar', but there is no location with that id\n"
            + "  hint: define a location with the id 'cellar', or correct the id (known: hall)\n",
            run.Error);
        Assert.Equal($"{world}: 1 error, 0 warnings\n", run.Output);
    }

    [Fact]
    public async Task One_broken_world_among_clean_ones_fails_the_run()
    {
        _folder.Write("broken/world.yaml", Broken);

        var run = await Cli.RunAsync("validate", Path.Combine(Repository.Worlds, "greywick"), Path.Combine(_folder.Path, "broken"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(": ok (12 files)", run.Output);
        Assert.Contains(": 1 error, 0 warnings", run.Output);
    }

    [Fact]
    public async Task Warnings_alone_do_not_fail_validation()
    {
        _folder.Write("lonely/world.yaml", Broken.Replace("to: cellar", "to: hall", StringComparison.Ordinal) + "\nitems: [{id: spoon, name: spoon}]\n");

        var run = await Cli.RunAsync("validate", Path.Combine(_folder.Path, "lonely"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning TF301: the item 'spoon' is never placed", run.Error);
        Assert.EndsWith(": 0 errors, 1 warning\n", run.Output);
    }

    [Fact]
    public async Task Json_output_carries_every_diagnostic_with_its_position()
    {
        var world = Path.Combine(_folder.Path, "broken");
        _folder.Write("broken/world.yaml", Broken);

        var run = await Cli.RunAsync("validate", "--json", world, Path.Combine(Repository.Worlds, "tea-house-rain"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        var first = root.GetProperty("worlds")[0];
        Assert.Equal("Broken", first.GetProperty("title").GetString());
        var d = first.GetProperty("diagnostics")[0];
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal($"{world}/world.yaml", d.GetProperty("file").GetString());
        Assert.Equal(6, d.GetProperty("line").GetInt32());
        Assert.Equal(36, d.GetProperty("column").GetInt32());
        Assert.Equal("TF201", d.GetProperty("code").GetString());
        Assert.Equal("define a location with the id 'cellar', or correct the id (known: hall)", d.GetProperty("hint").GetString());
        Assert.True(root.GetProperty("worlds")[1].GetProperty("valid").GetBoolean());
        Assert.Equal("雨夜茶寮", root.GetProperty("worlds")[1].GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_empty_path_is_reported_like_a_missing_folder()
    {
        var run = await Cli.RunAsync("validate", "");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("'': error TF001: the world path is empty\n", run.Error);
    }

    [Fact]
    public async Task Validate_without_a_world_is_a_usage_error()
    {
        var run = await Cli.RunAsync("validate");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("world-folder", run.Error);
    }
}
