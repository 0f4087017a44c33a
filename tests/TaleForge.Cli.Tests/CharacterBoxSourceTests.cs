using System.Text.Json.Nodes;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>
/// One scene of a CharacterBox file, simulated on the tiny random model: every verb opens its world from the
/// trajectory's header, as it does a world folder's, with no --world.
/// </summary>
[Slow]
[NeedsNativeLibrary]
public sealed class CharacterBoxSourceTests(CharacterBoxEpisode episode) : IClassFixture<CharacterBoxEpisode>
{
    [Fact]
    public void The_header_names_the_file_and_the_scene_played()
    {
        var header = TrajectoryFile.Read(episode.Trajectory).Header;

        Assert.Equal($"{episode.Work}#scene=1", header.World.Source);
        Assert.Matches("^salt-and-lanterns-[0-9a-f]{8}$", header.World.Id);
    }

    [Fact]
    public void A_trajectory_recorded_when_world_ids_were_bare_slugs_opens_under_that_id()
    {
        // The header as the importer wrote it before ids carried a digest: the bare slug, and the hash of that import.
        var before = Content.Importers.CharacterBox.CharacterBoxImporter.Load(episode.Work, "1");
        before = before with { Info = before.Info with { Id = "salt-and-lanterns" } };
        var lines = File.ReadAllLines(episode.Trajectory);
        var header = JsonNode.Parse(lines[0])!;
        header["world"]!["id"] = "salt-and-lanterns";
        header["world"]!["hash"] = Content.Opening.WorldHash.Of(before);
        lines[0] = header.ToJsonString();
        var older = Path.Combine(episode.Folder, "older", "episode.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(older)!);
        File.WriteAllLines(older, lines);

        var opened = RecordedWorld.Open(TrajectoryFile.Read(older));

        Assert.NotEqual(TrajectoryFile.Read(episode.Trajectory).Header.World.Hash, TrajectoryFile.Read(older).Header.World.Hash);
        Assert.Equal("salt-and-lanterns", opened.Definition.Info.Id);
        Assert.Equal(TrajectoryFile.Read(older).Header.World.Hash, opened.Hash);
    }

    [Fact]
    public async Task Verify_re_runs_it_identically_without_world()
    {
        var run = await Cli.RunAsync("replay", episode.Trajectory, "--verify", "--json", "--model", episode.Model);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        var result = JsonNode.Parse(run.Output)!;
        Assert.True((bool)result["identical"]!);
        Assert.Equal(File.ReadAllLines(episode.Trajectory).Length - 1, (int)result["compared"]!);
    }

    [Fact]
    public async Task Swap_by_character_name_re_plays_it_with_another_model_without_world()
    {
        var other = Recorded.TinyModel(episode.Folder, seed: 44);
        var output = Path.Combine(episode.Folder, "swapped");

        var run = await Cli.RunAsync("replay", episode.Trajectory, "--swap", $"Mara Quill={other}", "--out", output, "--model", episode.Model);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(": mara-quill played by tiny-44.gguf, every other role from the recording where its prompt is unchanged; ", run.Output, StringComparison.Ordinal);
        var swapped = TrajectoryFile.Read(Directory.GetFiles(output, "*.jsonl", SearchOption.AllDirectories).Single());
        Assert.Equal(("mara-quill", "tiny-44.gguf"), (swapped.Header.Swap!.Character, swapped.Header.Swap.Model.File));
        Assert.Contains(swapped.Calls, c => c.Role.ToString() == "character:mara-quill" && c.Model == "tiny-44.gguf");
    }

    [Fact]
    public async Task The_story_as_a_character_named_by_name_is_told_without_world()
    {
        var run = await Cli.RunAsync("replay", episode.Trajectory, "--character", "Ren Okafor");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("Salt and Lanterns: ", run.Output, StringComparison.Ordinal);
        Assert.Contains(", the main branch, as ren-okafor perceived it\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("== scene scene-1 ==", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alpaca")]
    [InlineData("sharegpt")]
    [InlineData("chatml")]
    [InlineData("dpo")]
    public async Task Every_training_format_exports_without_world(string format)
    {
        var output = Path.Combine(episode.Folder, "export", $"{format}.jsonl");

        var run = await Cli.RunAsync("export", episode.Trajectory, "--format", format, "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches($@"^wrote \d+ {format} records from 1 trajectories to ", run.Output);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task The_characterbox_export_reads_the_scene_from_the_file_without_world()
    {
        var output = Path.Combine(episode.Folder, "export", "characterbox");

        var run = await Cli.RunAsync("export", episode.Trajectory, "--format", "characterbox", "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"wrote 1 scene runs in CharacterBox's five record kinds from 1 trajectories to {output}\n"
            + $"and 1 scene runs under {Path.Combine(output, "output", "record")} as CharacterBox's evaluate.py and evaluate_narrator.py read them\n", run.Output);
        var run1 = JsonNode.Parse(File.ReadAllLines(Path.Combine(output, "character.jsonl")).Single())!;
        Assert.Equal(("Salt and Lanterns", "scene-1"), ((string?)run1["title"], (string?)run1["scene_id"]));
        Assert.Equal(["mara-quill", "ren-okafor"], run1["record"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}

/// <summary>A copy of the English CharacterBox work and scene 1 of it simulated for one round on the tiny model.</summary>
public sealed class CharacterBoxEpisode : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();

    public string Folder => _folder.Path;
    public string Work { get; private set; } = "";
    public string Model { get; private set; } = "";
    public string Trajectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Work = _folder.Write("works/salt-and-lanterns.json", File.ReadAllBytes(CharacterBoxRuns.English));
        var model = Model = Recorded.TinyModel(Folder);
        var output = Path.Combine(Folder, "runs");
        var run = await Cli.RunAsync("simulate", Work, "--scene", "1", "--rounds", "1", "--model", model, "-c", "8192", "--seed", "5", "--out", output);
        Assert.True(run.ExitCode == 0, run.Error);
        Trajectory = Directory.GetFiles(output, "*.jsonl", SearchOption.AllDirectories).Single();
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
