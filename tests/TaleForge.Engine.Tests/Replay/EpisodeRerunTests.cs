using TaleForge.Content.Opening;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Replay;

public sealed class EpisodeRerunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-rerun-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_recording_that_names_no_version_verifies_and_its_re_run_names_the_running_version()
    {
        var world = TestWorld.Harbour();
        var spec = new EpisodeSpec
        {
            World = new WorldReference(world.Info.Id, world.Info.Title, "memory", WorldHash.Of(world)),
            Seed = 5,
            RoundLimit = 1,
        };
        var path = Path.Combine(_folder, "unversioned.jsonl");
        using (var writer = TrajectoryWriter.Create(path, spec.Header("test", DateTimeOffset.UnixEpoch) with { Taleforge = "" }))
        {
            await new GameSession(world, Cast.Authored(world), spec.SessionOptions(writer)).RunAsync();
        }
        var kept = Path.Combine(_folder, "rerun.jsonl");

        var result = await Verification.RunAsync(TrajectoryFile.Read(path), TestWorld.Opened(world), Cast.Authored(world), keep: kept);

        Assert.True(result.Identical, result.FirstDifference?.ToString());
        Assert.True(result.Compared > 5);
        Assert.Equal(TaleForgeVersion.Running, TrajectoryFile.Read(kept).Header.Taleforge);
    }

    [Fact]
    public void The_running_version_is_the_version_taleforge_is_built_with()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", TaleForgeVersion.Running);
        Assert.Equal(typeof(EpisodeSpec).Assembly.GetName().Version!.ToString(3), TaleForgeVersion.Running.Split('-')[0]);
    }
}
