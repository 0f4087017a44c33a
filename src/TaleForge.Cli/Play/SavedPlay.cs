using TaleForge.Cli.Commands;
using TaleForge.Cli.Models;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Play;

/// <summary>
/// Starting, continuing and loading games with their saves: every game plays into a save slot that is written
/// after every turn; loading a named save continues a copy, so the save itself stays as it was.
/// </summary>
internal sealed class SavedPlay(SaveLibrary library, LoadedCast cast, string? player)
{
    public SaveLibrary Library { get; } = library;

    /// <summary>A new game in a new slot (named, or the world and the time).</summary>
    public (GameSession Session, SaveSlot Slot) Start(OpenedWorld opened, long seed, string? name)
    {
        var world = opened.Definition;
        var folder = name is null ? Library.NewSlot(world.Info.Id, DateTimeOffset.UtcNow) : Library.NewNamed(name);
        var header = new TrajectoryHeader
        {
            Taleforge = VersionAction.Version,
            Created = DateTimeOffset.UtcNow,
            World = new WorldReference(world.Info.Id, world.Info.Title, opened.Source.Absolute().ToString(), opened.Hash),
            Seed = seed,
            Player = player,
            Mode = cast.Cast.IsAuthored ? "authored" : "model",
            Models = cast.Models,
        };
        var slot = SaveSlot.Create(folder, WorldState.Initial(world), header);
        return (new GameSession(world, cast.Cast, new SessionOptions { Seed = seed, Trajectory = slot }), slot);
    }

    /// <summary>Continues a save where it stands, writing on into it.</summary>
    public (GameSession Session, SaveSlot Slot, IReadOnlyList<string> Warnings) Continue(string folder)
    {
        var saved = SavedGame.Open(folder);
        var world = WorldOf(saved).Definition;
        saved.CheckAgainst(world);
        if (saved.Header.Player != player)
        {
            throw new TaleForgeException($"{folder} was played as '{saved.Header.Player ?? "no one"}'; continue it with --as {saved.Header.Player ?? "(omit --as) --observe"}.");
        }
        var resumedState = WorldState.Initial(world).Apply(saved.Trajectory.PathTo(saved.Head).Select(e => e.Event));
        var slot = SaveSlot.Continue(folder, saved.Header, resumedState);
        try
        {
            var session = GameSession.Resume(world, cast.Cast, saved.Trajectory, saved.Head, new SessionOptions { Seed = saved.Header.Seed, Trajectory = slot });
            return (session, slot, saved.Warnings);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>Loads a named save into a fresh copy and continues the copy.</summary>
    public (GameSession Session, SaveSlot Slot, IReadOnlyList<string> Warnings) Load(string name)
    {
        var source = Library.Resolve(name);
        var saved = SavedGame.Open(source);
        var copy = Library.Copy(source, Library.NewSlot(saved.Header.World.Id, DateTimeOffset.UtcNow));
        return Continue(copy);
    }

    /// <summary>The world a save was played in, from where it was loaded then (or beside the save), with the hash it was saved with.</summary>
    public static OpenedWorld WorldOf(SavedGame saved)
    {
        var world = saved.Header.World;
        return new WorldRecording(saved.Trajectory.Path, world.Id, world.Source, world.Hash).Open(option: null);
    }

    /// <summary>The newest save of a world, if any.</summary>
    public string? Newest(string worldId) =>
        Library.List().FirstOrDefault(s => s.Snapshot?.WorldId == worldId && !s.Snapshot.Finished).Name is { } name
            ? Path.Combine(Library.Folder, name)
            : null;
}
