using System.Text.Json;
using TaleForge.Content.Library;

namespace TaleForge.Cli.Tests;

public class SchemaCommandTests
{
    [Fact]
    public async Task The_schema_command_prints_exactly_the_checked_in_schema()
    {
        var run = await Cli.RunAsync("schema");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "docs", "schema", "world.schema.json")), run.Output);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("http://json-schema.org/draft-07/schema#", json.RootElement.GetProperty("$schema").GetString());
    }
}

public class WorldsCommandTests
{
    [Fact]
    public async Task The_worlds_command_lists_each_world_with_title_scenes_and_characters()
    {
        var run = await Cli.RunAsync("worlds", "--dir", Repository.Worlds);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"""
            Worlds in {Repository.Worlds} (--dir):

            greywick (default): The Lamp at Greywick [en]
              scenes: evening-tide, dark-tower, midnight, the-wreck
              characters: Abel Fenn, Ines Calder (player), Maud Corrie, Pell Sutter

            tea-house-rain: 雨夜茶寮 [zh]
              scenes: rain-guest, seal-and-word
              characters: 阿沅 (player), 陆婆婆, 韩掌柜

            """,
            run.Output);
    }

    [Fact]
    public async Task Without_dir_the_worlds_folder_is_found_from_the_executable()
    {
        var run = await Cli.RunAsync("worlds");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("greywick (default): The Lamp at Greywick [en]", run.Output);
    }

    [Fact]
    public async Task A_broken_world_in_the_folder_is_listed_with_how_to_see_its_errors()
    {
        using var folder = new TemporaryFolder();
        folder.Write("bad/world.yaml", "spec: taleforge/world@1\nworld: [oops]\n");

        var run = await Cli.RunAsync("worlds", "--dir", folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"bad: cannot be read (1 error); run 'taleforge validate {Path.Combine(folder.Path, "bad")}'", run.Output);
    }

    [Fact]
    public async Task A_dir_that_does_not_exist_is_an_error_without_a_stack_trace()
    {
        var run = await Cli.RunAsync("worlds", "--dir", "/no/such/folder");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: the worlds folder '/no/such/folder' (from --dir) does not exist.\n", run.Error);
    }
}

public class ShowCommandTests
{
    [Fact]
    public async Task Show_without_a_world_describes_the_default_world_and_how_to_validate_it()
    {
        var run = await Cli.RunAsync("show", "--dir", Repository.Worlds);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(WorldLibrary.DefaultWorld, "greywick");
        Assert.StartsWith("The Lamp at Greywick\n====================\nThe light on Greywick Head has gone dark", run.Output);
        Assert.Contains("Scenes (play begins with evening-tide):\n  1. The Evening Tide (evening-tide): The light on Greywick Head is dark, and the Marigold is due at midnight.\n", run.Output);
        Assert.Contains("  Ines Calder (she/her, playable): A woman of forty", run.Output);
        Assert.EndsWith($"Check this world: taleforge validate {Path.Combine(Repository.Worlds, "greywick")}\n", run.Output);
    }

    [Fact]
    public async Task Show_names_a_world_by_folder_name_or_by_path()
    {
        var byName = await Cli.RunAsync("show", "tea-house-rain", "--dir", Repository.Worlds);
        var byPath = await Cli.RunAsync("show", Path.Combine(Repository.Worlds, "tea-house-rain"));

        Assert.Equal(0, byName.ExitCode);
        Assert.StartsWith("雨夜茶寮\n", byName.Output);
        Assert.Contains("陆婆婆 (她):", byName.Output);
        Assert.Equal(byName.Output, byPath.Output);
    }

    [Fact]
    public async Task Show_of_an_unknown_world_lists_the_worlds_there_are()
    {
        var run = await Cli.RunAsync("show", "atlantis", "--dir", Repository.Worlds);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: there is no world 'atlantis' in {Repository.Worlds} (worlds there: greywick, tea-house-rain); name one of them, or give the path of a world folder.\n", run.Error);
    }
}

public class RootCommandTests
{
    [Fact]
    public async Task Help_lists_every_verb()
    {
        var run = await Cli.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "validate", "schema", "worlds", "show", "bench" })
        {
            Assert.Contains($"  {verb}", run.Output);
        }
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var run = await Cli.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("0.1.0", run.Output);
    }
}
