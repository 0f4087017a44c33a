using TaleForge.Cli.Commands;
using TaleForge.Cli.Models;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Play;

/// <summary>
/// Starting, continuing and loading games with their saves: every game plays into a save slot that is written
/// after every turn; loading a named save continues a copy, so the save itself stays as it was.
/// </summary>
internal sealed class SavedPlay(SaveLibrary library, LoadedCast cast, string? player) : IPlaySaves
{
    public SaveLibrary Library { get; } = library;

    /// <summary>The episode a new game of the opened world plays with this cast.</summary>
    public EpisodeSpec Spec(OpenedWorld opened, long seed) => cast.Spec(WorldReference.Of(opened), seed);

    public string Folder => Library.Folder;

    /// <summary>A copy of the save being played, under a name of its own; play goes on in the original.</summary>
    public string Keep(SaveSlot playing, string name)
    {
        ArgumentNullException.ThrowIfNull(playing);
        return Path.GetFileName(Library.Copy(playing.Folder, Library.NewNamed(name)));
    }

    LoadedGame IPlaySaves.Load(string name)
    {
        var (session, slot, warnings) = Load(name);
        return new LoadedGame(session, slot, warnings);
    }

    /// <summary>A new game in a new slot (named, or the world and the time).</summary>
    public (GameSession Session, SaveSlot Slot) Start(OpenedWorld opened, long seed, string? name)
    {
        var world = opened.Definition;
        var folder = name is null ? Library.NewSlot(world.Info.Id, DateTimeOffset.UtcNow) : Library.NewNamed(name);
        var spec = Spec(opened, seed);
        var slot = SaveSlot.Create(folder, spec.Header(VersionAction.Version, DateTimeOffset.UtcNow));
        return (new GameSession(world, cast.Cast with { Director = spec.Director }, spec.SessionOptions(slot)), slot);
    }

    /// <summary>Continues a save where it stands, writing on into it.</summary>
    /// <param name="opened">The world as the command already opened it, if it did; else it is opened from where the save says.</param>
    public (GameSession Session, SaveSlot Slot, IReadOnlyList<string> Warnings) Continue(string folder, OpenedWorld? opened = null)
    {
        var saved = SavedGame.Open(folder);
        // The world is hashed once, when it is opened; Resume checks that hash against the save's without hashing again.
        var world = opened ?? WorldOf(saved);
        if (saved.Header.Player != player)
        {
            throw new TaleForgeException($"{folder} was played as '{saved.Header.Player ?? "no one"}'; continue it with --as {saved.Header.Player ?? "(omit --as) --observe"}.");
        }
        var slot = SaveSlot.Continue(folder, saved.Header);
        try
        {
            // The save's spec decides the director, not today's flags: a re-run of the whole save must match it.
            var spec = EpisodeSpec.Of(saved.Header);
            var session = saved.Resume(world, cast.Cast with { Director = spec.Director }, spec.SessionOptions(slot));
            return (session, slot, saved.Warnings);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads a named save into a fresh copy and continues the copy. A save that cannot be continued leaves no
    /// copy behind, and the error names the save asked for, not the copy.
    /// </summary>
    /// <param name="opened">The save's world as the command already opened it (<see cref="WorldOf"/>), if it did.</param>
    public (GameSession Session, SaveSlot Slot, IReadOnlyList<string> Warnings) Load(string name, OpenedWorld? opened = null)
    {
        var source = Library.Resolve(name);
        var saved = SavedGame.Open(source);
        var copy = Library.Copy(source, Library.NewSlot(saved.Header.World.Id, DateTimeOffset.UtcNow));
        try
        {
            return Continue(copy, opened);
        }
        catch (Exception e)
        {
            Directory.Delete(copy, recursive: true);
            if (e is TaleForgeException refused)
            {
                throw new TaleForgeException(refused.Message.Replace(copy, source, StringComparison.Ordinal), refused) { ExitCode = refused.ExitCode };
            }
            throw;
        }
    }

    /// <summary>The world a save was played in, from where it was loaded then (or beside the save), with the hash it was saved with.</summary>
    public static OpenedWorld WorldOf(SavedGame saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var opened = saved.World.Open(option: null);
        saved.Trajectory.CheckPlayerIn(opened.Definition);
        return opened;
    }

    /// <summary>
    /// The newest unfinished save of a world, if any. A save whose snapshot is damaged is judged by its trajectory
    /// (the authority); one that cannot be read at all is reported rather than passed over in silence.
    /// </summary>
    public string? Newest(string worldId)
    {
        var unreadable = new List<string>();
        foreach (var (name, snapshot, problem) in Library.List())
        {
            var folder = Path.Combine(Library.Folder, name);
            if (snapshot is not null)
            {
                if (snapshot.WorldId == worldId && !snapshot.Finished)
                {
                    return folder;
                }
                continue;
            }
            try
            {
                var saved = SavedGame.Open(folder);
                if (saved.Header.World.Id == worldId)
                {
                    return folder;
                }
            }
            catch (TaleForgeException e)
            {
                unreadable.Add($"{name} ({problem}; {e.Message})");
            }
        }
        return unreadable.Count == 0 ? null : throw new TaleForgeException(
            $"no save of '{worldId}' in {Library.Folder} can be continued; these saves are damaged: {string.Join("; ", unreadable)}. Restore them from a backup, or start a new game with 'taleforge play {worldId}'.");
    }
}
