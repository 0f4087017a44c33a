using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests;

/// <summary>Saves under the faults a real machine has: a kill at the worst moment, leftovers, a folder that cannot hold saves.</summary>
public sealed class SaveFaultTests : IDisposable
{
    /// <summary>A process id no process has (above Linux's largest), as a killed writer's leftovers carry.</summary>
    private const int DeadProcess = 999_999_999;

    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-save-faults-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TrajectoryHeader HeaderFor(Core.Definitions.WorldDefinition world) => new()
    {
        Taleforge = "test",
        Created = DateTimeOffset.UnixEpoch,
        World = new WorldReference(world.Info.Id, world.Info.Title, "memory", WorldHash.Of(world)),
        Seed = 3,
        Player = "mara",
        Mode = "authored",
    };

    [Fact]
    public async Task A_kill_between_the_checkpoint_and_the_snapshot_resumes_at_the_turn_just_completed()
    {
        var world = TestWorld.Harbour();
        var folder = Path.Combine(_folder, "game");
        var slot = SaveSlot.Create(folder, HeaderFor(world));
        var session = new GameSession(world, Cast.Authored(world, "mara"), new SessionOptions { Seed = 3, Trajectory = slot });
        await session.RunAsync();
        await session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Take("lantern") });
        var snapshotBefore = File.ReadAllBytes(Path.Combine(folder, SaveSlot.SnapshotFileName));
        await session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Go("north") });
        slot.Dispose();
        // The process died after the checkpoint line reached the disk and before the snapshot was replaced.
        File.WriteAllBytes(Path.Combine(folder, SaveSlot.SnapshotFileName), snapshotBefore);

        var saved = SavedGame.Open(folder);
        var resumed = saved.Resume(TestWorld.Opened(world), Cast.Authored(world, "mara"), new SessionOptions { Seed = 3 });

        Assert.Equal(saved.Trajectory.Checkpoints.Last().Step, saved.Head);
        Assert.Null(saved.Snapshot);
        Assert.Empty(saved.Warnings);
        Assert.Equal("tower", resumed.State.LocationOf("mara"));
        Assert.Equal(StateDigest.Of(session.State), StateDigest.Of(resumed.State));
    }

    [Fact]
    public void A_game_left_before_its_first_turn_leaves_no_save()
    {
        var world = TestWorld.Harbour();
        var folder = Path.Combine(_folder, "never");

        var slot = SaveSlot.Create(folder, HeaderFor(world));
        Assert.False(Directory.Exists(folder));
        Assert.NotEqual(folder, slot.Folder);
        Assert.Equal("never", slot.Name);
        slot.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task A_new_save_takes_its_name_at_its_first_completed_turn()
    {
        var world = TestWorld.Harbour();
        var folder = Path.Combine(_folder, "named");
        using var slot = SaveSlot.Create(folder, HeaderFor(world));
        var session = new GameSession(world, Cast.Authored(world, "mara"), new SessionOptions { Seed = 3, Trajectory = slot });

        await session.RunAsync();

        Assert.Equal(folder, slot.Folder);
        Assert.True(File.Exists(Path.Combine(folder, SaveSlot.SnapshotFileName)));
        Assert.Equal(["named"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
        await session.SubmitAsync(new CharacterTurn { Dialogue = "Still here." });
        Assert.Equal(2, SavedGame.Open(folder).Trajectory.Checkpoints.Count());
    }

    [Fact]
    public async Task What_a_killed_game_left_behind_is_swept_and_the_save_still_opens()
    {
        var world = TestWorld.Harbour();
        var folder = Path.Combine(_folder, "game");
        using (var slot = SaveSlot.Create(folder, HeaderFor(world)))
        {
            var session = new GameSession(world, Cast.Authored(world, "mara"), new SessionOptions { Seed = 3, Trajectory = slot });
            await session.RunAsync();
        }
        var temporary = Path.Combine(folder, $"{SaveSlot.SnapshotFileName}{SaveLeftovers.FileMarker}{DeadProcess}-1");
        File.WriteAllText(temporary, "{\"half\":");
        var staging = Path.Combine(_folder, $".other{SaveLeftovers.StagingMarker}{DeadProcess}");
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, SaveSlot.TrajectoryFileName), "{}");
        var copying = Path.Combine(_folder, $".copy{SaveLeftovers.CopyMarker}{DeadProcess}");
        Directory.CreateDirectory(copying);
        var alive = Path.Combine(_folder, $".mine{SaveLeftovers.StagingMarker}{Environment.ProcessId}");
        Directory.CreateDirectory(alive);

        new SaveLibrary(_folder).Prepare();
        using (SaveSlot.Continue(folder, SavedGame.Open(folder).Header))
        {
        }

        Assert.False(File.Exists(temporary));
        Assert.False(Directory.Exists(staging));
        Assert.False(Directory.Exists(copying));
        Assert.True(Directory.Exists(alive), "a game still running keeps its folder");
        Assert.Equal([SaveSlot.SnapshotFileName, SaveSlot.TrajectoryFileName], Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        SavedGame.Open(folder).CheckAgainst(TestWorld.Opened(world));
    }

    [Fact]
    public void A_saves_folder_that_is_a_file_is_refused_with_what_to_do()
    {
        var file = Path.Combine(_folder, "saves");
        File.WriteAllText(file, "not a folder");

        var error = Assert.Throws<TaleForgeException>(() => new SaveLibrary(file).Prepare());

        Assert.Contains($"the saves folder {file} cannot hold saves (it is a file, not a folder)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--no-save", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saves_folder_under_a_file_is_refused_with_the_reason()
    {
        File.WriteAllText(Path.Combine(_folder, "plain"), "x");
        var folder = Path.Combine(_folder, "plain", "saves");

        var error = Assert.Throws<TaleForgeException>(() => new SaveLibrary(folder).Prepare());

        Assert.StartsWith($"the saves folder {folder} cannot hold saves (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_saves_folder_is_made_and_left_empty()
    {
        var folder = Path.Combine(_folder, "new", "saves");

        new SaveLibrary(folder).Prepare();

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("carriage\rreturn")]
    [InlineData("a:b")]
    [InlineData("star*")]
    [InlineData("what?")]
    [InlineData("<angle")]
    [InlineData("angle>")]
    [InlineData("pi|pe")]
    [InlineData("quo\"te")]
    [InlineData("back\\slash")]
    [InlineData("sl/ash")]
    [InlineData(".hidden")]
    [InlineData(" padded ")]
    [InlineData("esc\u001b[31m")]
    [InlineData("bidi\u202e")]
    [InlineData("")]
    public void A_save_name_a_file_system_or_terminal_would_mangle_is_a_usage_error(string name)
    {
        var error = Assert.Throws<TaleForgeException>(() => SaveLibrary.CheckNewName(name));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("cannot name a save", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("harbour run")]
    [InlineData("greywick-2")]
    [InlineData("Ünïcode_名前")]
    public void A_plain_save_name_is_accepted(string name) => SaveLibrary.CheckNewName(name);

    [Fact]
    public async Task A_disk_that_refuses_a_turn_is_said_plainly()
    {
        var world = TestWorld.Harbour();
        var folder = Path.Combine(_folder, "game");
        var slot = SaveSlot.Create(folder, HeaderFor(world));
        var session = new GameSession(world, Cast.Authored(world, "mara"), new SessionOptions { Seed = 3, Trajectory = slot });
        await session.RunAsync();
        // The snapshot's place taken by a folder: replacing it fails as a full or read-only disk would.
        File.Delete(Path.Combine(folder, SaveSlot.SnapshotFileName));
        Directory.CreateDirectory(Path.Combine(folder, SaveSlot.SnapshotFileName, "blocker"));

        var error = await Assert.ThrowsAsync<TaleForgeException>(() => session.SubmitAsync(new CharacterTurn { Dialogue = "Fog." }));
        slot.Dispose();

        Assert.StartsWith($"the game could not be saved in {folder} (", error.Message, StringComparison.Ordinal);
        Assert.Contains("taleforge play --continue", error.Message, StringComparison.Ordinal);
        Assert.Equal([SaveSlot.TrajectoryFileName], Directory.EnumerateFiles(folder).Select(Path.GetFileName));
    }
}
