using System.Text.Json;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Decisions;
using TaleForge.Core.State;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests;

public sealed class SaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-saves-").FullName;

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

    private async Task<(string Folder, GameSession Session)> PlayTwoTurns()
    {
        var (folder, session, slot) = await PlayTwoTurnsStillSaving();
        slot.Dispose();
        return (folder, session);
    }

    private async Task<(string Folder, GameSession Session, SaveSlot Slot)> PlayTwoTurnsStillSaving()
    {
        var world = TestWorld.Harbour();
        var folder = Path.Combine(_folder, "game");
        var slot = SaveSlot.Create(folder, HeaderFor(world));
        var session = new GameSession(world, Cast.Authored(world, "mara"), new SessionOptions { Seed = 3, Trajectory = slot });
        await session.RunAsync();
        await session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Take("lantern") });
        await session.SubmitAsync(new CharacterTurn { Dialogue = "Fog coming." });
        return (folder, session, slot);
    }

    [Fact]
    public async Task A_save_reopens_at_the_last_turn_with_the_same_state()
    {
        var (folder, original) = await PlayTwoTurns();

        var saved = SavedGame.Open(folder);
        saved.CheckAgainst(TestWorld.Opened(TestWorld.Harbour()));
        var resumed = GameSession.Resume(TestWorld.Harbour(), Cast.Authored(TestWorld.Harbour(), "mara"), saved.Trajectory, saved.Head);

        Assert.Empty(saved.Warnings);
        Assert.Equal(StateDigest.Of(original.State), saved.Snapshot!.StateDigest);
        Assert.Equal(StateDigest.Of(original.State), StateDigest.Of(resumed.State));
        Assert.Equal(original.Narrator, resumed.Narrator);
        Assert.True(resumed.AwaitingPlayer);
    }

    [Fact]
    public async Task An_undo_moves_the_save_back_and_a_redo_forward()
    {
        var (folder, session, slot) = await PlayTwoTurnsStillSaving();
        using var saving = slot;
        var twoTurns = StateDigest.Of(session.State);

        Assert.True(session.Undo());
        var oneTurn = StateDigest.Of(session.State);
        Assert.NotEqual(twoTurns, oneTurn);
        Assert.Equal(oneTurn, SavedGame.Open(folder).Snapshot!.StateDigest);

        Assert.True(session.Redo());
        Assert.Equal(twoTurns, StateDigest.Of(session.State));
        Assert.Equal(twoTurns, SavedGame.Open(folder).Snapshot!.StateDigest);
        Assert.False(session.Redo());
    }

    [Fact]
    public async Task A_damaged_snapshot_falls_back_to_the_last_checkpoint_and_says_so()
    {
        var (folder, original) = await PlayTwoTurns();
        File.WriteAllText(Path.Combine(folder, SaveSlot.SnapshotFileName), "{\"format\": \"taleforge/sa");

        var saved = SavedGame.Open(folder);

        Assert.Contains(saved.Warnings, w => w.Contains("snapshot.json is damaged", StringComparison.Ordinal));
        var resumed = GameSession.Resume(TestWorld.Harbour(), Cast.Authored(TestWorld.Harbour(), "mara"), saved.Trajectory, saved.Head);
        Assert.Equal(StateDigest.Of(original.State), StateDigest.Of(resumed.State));
    }

    [Slow]
    [Fact]
    public async Task A_save_of_a_changed_world_is_refused_naming_the_world_and_the_save()
    {
        var (folder, _) = await PlayTwoTurns();
        var changed = TestWorld.Harbour() with { Info = TestWorld.Harbour().Info with { Title = "The Harbour, revised" } };

        var error = Assert.Throws<TaleForgeException>(() => SavedGame.Open(folder).CheckAgainst(TestWorld.Opened(changed, "worlds/harbour")));

        Assert.Contains("the world at worlds/harbour is not the one", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder, SaveSlot.TrajectoryFileName) + " was played in", error.Message, StringComparison.Ordinal);
        Assert.Contains(WorldHash.Of(changed), error.Message, StringComparison.Ordinal);
        Assert.Contains("restore worlds/harbour as it was to continue, or start a new game", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_that_disagrees_with_its_trajectory_is_reported_as_damage()
    {
        var (folder, _) = await PlayTwoTurns();
        var path = Path.Combine(folder, SaveSlot.SnapshotFileName);
        var snapshot = JsonSerializer.Deserialize<SaveSnapshot>(File.ReadAllBytes(path), TrajectoryJson.Options)!;
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(snapshot with { StateDigest = "sha256:0" }, TrajectoryJson.Options));

        var error = Assert.Throws<TaleForgeException>(() => SavedGame.Open(folder).CheckAgainst(TestWorld.Opened(TestWorld.Harbour())));

        Assert.Contains("the save is damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_a_save_checks_the_state_it_folds_against_the_snapshot()
    {
        var (folder, original) = await PlayTwoTurns();
        var world = TestWorld.Harbour();

        var resumed = SavedGame.Open(folder).Resume(TestWorld.Opened(world), Cast.Authored(world, "mara"), new SessionOptions { Seed = 3 });
        Assert.Equal(StateDigest.Of(original.State), StateDigest.Of(resumed.State));

        var path = Path.Combine(folder, SaveSlot.SnapshotFileName);
        var snapshot = JsonSerializer.Deserialize<SaveSnapshot>(File.ReadAllBytes(path), TrajectoryJson.Options)!;
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(snapshot with { StateDigest = "sha256:0" }, TrajectoryJson.Options));
        var error = Assert.Throws<TaleForgeException>(() => SavedGame.Open(folder).Resume(TestWorld.Opened(world), Cast.Authored(world, "mara"), new SessionOptions { Seed = 3 }));
        Assert.Contains("the save is damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuing_a_save_with_a_torn_last_line_removes_it_before_writing_on()
    {
        var (folder, _) = await PlayTwoTurns();
        var trajectory = Path.Combine(folder, SaveSlot.TrajectoryFileName);
        File.AppendAllText(trajectory, "{\"record\":\"event\",\"step\":99");
        var saved = SavedGame.Open(folder);
        Assert.Contains(saved.Warnings, w => w.Contains("the last line is incomplete", StringComparison.Ordinal));

        var world = TestWorld.Harbour();
        using (var slot = SaveSlot.Continue(folder, saved.Header))
        {
            var session = GameSession.Resume(world, Cast.Authored(world, "mara"), saved.Trajectory, saved.Head, new SessionOptions { Seed = 3, Trajectory = slot });
            await session.SubmitAsync(new CharacterTurn { Command = new WorldCommand.Go("north") });
        }

        var reopened = SavedGame.Open(folder);
        Assert.Empty(reopened.Warnings);
        reopened.CheckAgainst(TestWorld.Opened(world));
        Assert.Equal("tower", WorldState.Initial(world).Apply(reopened.Trajectory.PathTo(reopened.Head).Select(e => e.Event)).LocationOf("mara"));
    }

    [Fact]
    public void A_new_save_never_replaces_an_existing_one()
    {
        var world = TestWorld.Harbour();
        var folder = Path.Combine(_folder, "taken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "trajectory.jsonl"), "mine");

        Assert.Throws<TaleForgeException>(() => SaveSlot.Create(folder, HeaderFor(world)));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "trajectory.jsonl")));
        var library = new SaveLibrary(_folder);
        Assert.Throws<TaleForgeException>(() => library.NewNamed("taken"));
        Assert.Throws<TaleForgeException>(() => library.NewNamed("../escape"));
    }
}
