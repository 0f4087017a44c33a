using TaleForge.Core.State;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

/// <summary>The English CharacterBox work the Content tests import: two scenes, Mara Quill in both.</summary>
internal static class CharacterBoxRuns
{
    public static string English { get; } = Path.Combine(Repository.Root, "tests", "TaleForge.Content.Tests", "CharacterBox", "salt-and-lanterns.json");
}

/// <summary>Simulating CharacterBox files: a scene per episode on its own data, and finding the file again.</summary>
public sealed class CharacterBoxRunTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A copy of the work, so tests may move or edit it.</summary>
    private string CopyOfWork() => _folder.Write("works/salt-and-lanterns.json", File.ReadAllBytes(CharacterBoxRuns.English));

    private async Task<string> SimulateAsync(params string[] args)
    {
        var output = Path.Combine(_folder.Path, "runs");
        var run = await Cli.RunAsync(["simulate", .. args, "--rounds", "1", "--out", output]);
        Assert.True(run.ExitCode == 0, run.Error);
        return output;
    }

    [Fact]
    public async Task A_whole_file_run_plays_each_scene_with_that_scene_s_description_position_and_state()
    {
        var work = CopyOfWork();

        var output = await SimulateAsync(work);

        var files = Directory.GetFiles(output, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(TrajectoryFile.Read).ToList();
        Assert.Equal([$"{work}#scene=scene-0", $"{work}#scene=scene-1"], files.Select(f => f.Header.World.Source));
        var maras = files.Select(f =>
        {
            var world = RecordedWorld.Load(f);
            var start = WorldState.Initial(world);
            return (world.Character("mara-quill"), start.Characters["mara-quill"]);
        }).ToList();
        Assert.StartsWith("The harbour master of Port Wren, sharp-eyed and stubborn", maras[0].Item1.Description, StringComparison.Ordinal);
        Assert.Equal(("Standing behind her desk, one hand on the lid of the open strongbox", "Tired and furious, her sleeves still damp from the rain"),
            (maras[0].Item2.Position, maras[0].Item2.Condition));
        Assert.Equal("The harbour master of Port Wren, out of breath from the long walk along the breakwater.", maras[1].Item1.Description);
        Assert.Equal(("At the foot of the light tower, lantern in hand", "Soaked through and impatient"), (maras[1].Item2.Position, maras[1].Item2.Condition));
    }

    [Fact]
    public async Task A_moved_file_is_found_with_world_which_keeps_the_recorded_scene()
    {
        var work = CopyOfWork();
        var trajectory = Directory.GetFiles(await SimulateAsync(work, "--scene", "1"), "*.jsonl", SearchOption.AllDirectories).Single();
        var moved = Path.Combine(_folder.Path, "archive", "salt-and-lanterns.json");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.Move(work, moved);

        var lost = await Cli.RunAsync("replay", trajectory, "--verify");
        var verified = await Cli.RunAsync("replay", trajectory, "--verify", "--world", moved);
        var evaluated = await Cli.RunAsync("eval", trajectory, "--out", Path.Combine(_folder.Path, "eval"), "--world", moved);
        var exported = await Cli.RunAsync("export", trajectory, "--format", "characterbox", "--out", Path.Combine(_folder.Path, "cb"), "--world", moved);

        Assert.Equal(1, lost.ExitCode);
        Assert.Contains($"was loaded from '{work}', which does not exist here; pass the world's folder (or CharacterBox scene file) with --world.", lost.Error, StringComparison.Ordinal);
        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Contains("identical: all ", verified.Output, StringComparison.Ordinal);
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        Assert.True(exported.ExitCode == 0, exported.Error);
    }

    [Fact]
    public async Task An_edited_file_is_refused_naming_the_trajectory_and_the_scene_file()
    {
        var work = CopyOfWork();
        var trajectory = Directory.GetFiles(await SimulateAsync(work, "--scene", "1"), "*.jsonl", SearchOption.AllDirectories).Single();
        File.WriteAllText(work, File.ReadAllText(work).Replace("Soaked through and impatient", "Dry and patient", StringComparison.Ordinal));

        var replayed = await Cli.RunAsync("replay", trajectory, "--verify");
        var evaluated = await Cli.RunAsync("eval", trajectory, "--out", Path.Combine(_folder.Path, "eval"));

        foreach (var run in new[] { replayed, evaluated })
        {
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"the world at {work}#scene=1 is not the one {trajectory} was played in: its content hash is sha256:", run.Error, StringComparison.Ordinal);
            Assert.Contains("restore it as it was, or pass --world PATH to a copy of that version.", run.Error, StringComparison.Ordinal);
        }
    }
}
