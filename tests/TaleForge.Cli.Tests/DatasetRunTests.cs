using System.Text.Json.Nodes;
using TaleForge.Core.Events;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>The two CharacterBox works a dataset run plays: one English, one Chinese, two scenes each.</summary>
internal static class DatasetWorks
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "tests", "TaleForge.Cli.Tests", "Dataset");

    public static string[] Trajectories { get; } =
    [
        "chashan-yeyu-b4daddae/scene-0/seed-1.jsonl",
        "chashan-yeyu-b4daddae/scene-1/seed-1.jsonl",
        "the-glass-orchard-8f69f86a/scene-0/seed-1.jsonl",
        "the-glass-orchard-8f69f86a/scene-1/seed-1.jsonl",
    ];
}

/// <summary>Simulating a dataset: every scene of several works an episode, a manifest, and resuming what did not finish.</summary>
public sealed class DatasetRunTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Output => Path.Combine(_folder.Path, "run");

    private Task<CommandRun> SimulateAsync(params string[] extra) =>
        Cli.RunAsync(["simulate", DatasetWorks.Folder, "--rounds", "1", "--out", Output, .. extra]);

    [Fact]
    public async Task A_folder_of_two_works_plays_every_scene_into_work_scene_seed_files_listed_in_the_manifest()
    {
        var run = await SimulateAsync();

        Assert.True(run.ExitCode == 0, run.Error);
        var manifest = RunManifest.Read(Output);
        Assert.Equal(DatasetWorks.Trajectories, manifest.Select(e => e.Trajectory).Order(StringComparer.Ordinal));
        Assert.All(manifest, e => Assert.Equal((EpisodeStatus.Finished, "authored", "taleforge", 1), (e.Status, e.Models, e.Protocol, e.Rounds)));
        Assert.Equal(["scene-0", "scene-1", "scene-0", "scene-1"], manifest.OrderBy(e => e.Trajectory, StringComparer.Ordinal).Select(e => e.Scene));
        Assert.All(DatasetWorks.Trajectories, t => Assert.IsType<WorldEvent.StoryEnded>(TrajectoryFile.Read(Path.Combine(Output, t)).Events.Last().Event));
        // Output is not a terminal: one line per finished episode.
        Assert.Equal(4, run.Output.Split('\n').Count(l => l.StartsWith('[') && l.Contains(": 1 rounds,", StringComparison.Ordinal)));
        Assert.Contains("[4/4] the-glass-orchard-8f69f86a/scene-1/seed-1: 1 rounds", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_again_into_the_same_folder_is_refused_and_resuming_skips_what_finished()
    {
        await SimulateAsync();

        var again = await SimulateAsync();
        var resumed = await SimulateAsync("--resume");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"{Output} already holds a run ({Path.Combine(Output, RunManifest.FileName)}); pass --resume to finish it", again.Error, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("Simulating 0 episode(s) (4 of 4 finished before)", resumed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_redoes_an_episode_the_manifest_left_running_and_replaces_its_partial_trajectory()
    {
        await SimulateAsync();
        var cut = Path.Combine(Output, DatasetWorks.Trajectories[1]);
        var lines = File.ReadAllLines(cut);
        File.WriteAllLines(cut, lines[..3]);
        var manifest = Path.Combine(Output, RunManifest.FileName);
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["episodes"]!.AsArray().Single(e => (string)e!["trajectory"]! == DatasetWorks.Trajectories[1])!["status"] = "running";
        File.WriteAllText(manifest, json.ToJsonString());

        var resumed = await SimulateAsync("--resume");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("Simulating 1 episode(s) (3 of 4 finished before)", resumed.Output, StringComparison.Ordinal);
        Assert.Contains("[1/1] chashan-yeyu-b4daddae/scene-1/seed-1: 1 rounds", resumed.Output, StringComparison.Ordinal);
        // The same episode again, line for line after the header (which names when it was written).
        Assert.Equal(lines[1..], File.ReadAllLines(cut)[1..]);
        Assert.All(RunManifest.Read(Output), e => Assert.Equal(EpisodeStatus.Finished, e.Status));
    }

    [Fact]
    public async Task Resuming_with_other_options_names_the_trajectory_played_otherwise()
    {
        await SimulateAsync();

        var run = await Cli.RunAsync("simulate", DatasetWorks.Folder, "--rounds", "2", "--out", Output, "--resume");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Path.Combine(Output, DatasetWorks.Trajectories[0])} was played with other options than this command gives", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_characterbox_protocol_is_recorded_in_every_header_and_the_manifest_with_three_rounds()
    {
        var run = await Cli.RunAsync("simulate", DatasetWorks.Folder + "/glass-orchard.json", "--scene", "scene-0", "--protocol", "characterbox", "--out", Output);

        Assert.True(run.ExitCode == 0, run.Error);
        var file = TrajectoryFile.Read(Path.Combine(Output, DatasetWorks.Trajectories[2]));
        Assert.Equal(EpisodeProtocol.CharacterBox, file.Header.Protocol);
        Assert.Equal(3, file.Events.Count(e => e.Event is WorldEvent.RoundStarted));
        Assert.Equal("characterbox", RunManifest.Read(Output).Single().Protocol);
    }
}
