using System.Collections.Immutable;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Research.Evaluation.Episodes;

/// <summary>
/// A trajectory as evaluation reads it: the branch played last (the main path), each event with the world state
/// just after it, cut into scenes, and who played whom. The world must be the one the episode was played in.
/// </summary>
public sealed class PlayedEpisode
{
    /// <summary>Model name for a character or narrator no model played.</summary>
    public const string Authored = "authored";

    /// <summary>Model name for a character a person played.</summary>
    public const string Human = "human";

    private PlayedEpisode(RecordedTrajectory file, WorldDefinition world, ImmutableArray<PlayedEvent> path, ImmutableArray<PlayedScene> scenes)
    {
        File = file;
        World = world;
        Path = path;
        Scenes = scenes;
    }

    /// <summary>What the trajectory file recorded.</summary>
    public RecordedTrajectory File { get; }
    public WorldDefinition World { get; }

    /// <summary>
    /// The name rows are keyed by: the trajectory's file name, or in a simulate run (a manifest two folders up) its
    /// path in the run, "work/scene/seed-1.jsonl", as every scene's file there is called seed-N.jsonl.
    /// </summary>
    public string Name => NameOf(File.Path);

    private static string NameOf(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var run = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(full)));
        return run is not null && System.IO.File.Exists(System.IO.Path.Combine(run, Engine.Simulation.RunManifest.FileName))
            ? System.IO.Path.GetRelativePath(run, full).Replace('\\', '/')
            : System.IO.Path.GetFileName(full);
    }

    /// <summary>The main path, oldest first.</summary>
    public ImmutableArray<PlayedEvent> Path { get; }

    public ImmutableArray<PlayedScene> Scenes { get; }

    /// <summary>
    /// Reads <paramref name="file"/> against <paramref name="opened"/>, refusing a world whose content changed since
    /// (<see cref="WorldRecording.Check"/>), so knowledge and profiles are those the episode was played with.
    /// </summary>
    public static PlayedEpisode Open(RecordedTrajectory file, OpenedWorld opened)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(opened);
        var world = file.World.Check(opened).Definition;

        var state = WorldState.Initial(world);
        var path = ImmutableArray.CreateBuilder<PlayedEvent>();
        foreach (var record in file.MainPath)
        {
            try
            {
                state = state.Apply(record.Event);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                throw new TaleForgeException(
                    $"{file.Path}:{record.Line}: the event does not apply to the world ({e.Message}); the trajectory and the world do not belong together.");
            }
            path.Add(new PlayedEvent(record, state));
        }
        return new PlayedEpisode(file, world, path.ToImmutable(), CutIntoScenes(path.ToImmutable()));
    }

    /// <summary>The model that played <paramref name="character"/>: from its calls, else the header, else authored or human.</summary>
    public string ModelOf(string character)
    {
        ArgumentNullException.ThrowIfNull(character);
        if (File.Player == character)
        {
            return Human;
        }
        var role = Role.Character(character);
        return ModelFromCalls(role) ?? File.Spec.ModelFor(role)?.File ?? Authored;
    }

    /// <summary>The model that played the narrator, or <see cref="Authored"/> for the rules narrator.</summary>
    public string NarratorModel => ModelFromCalls(Role.Narrator) ?? File.Spec.ModelFor(Role.Narrator)?.File ?? Authored;

    private string? ModelFromCalls(Role role)
    {
        var models = File.Calls.Where(c => c.Role == role && c.Model.Length > 0).Select(c => c.Model).Distinct(StringComparer.Ordinal).ToList();
        return models.Count == 0 ? null : string.Join("+", models.Order(StringComparer.Ordinal));
    }

    /// <summary>A new scene begins at each SceneStarted; a scene played twice gets "@2" on its key.</summary>
    private static ImmutableArray<PlayedScene> CutIntoScenes(ImmutableArray<PlayedEvent> path)
    {
        var scenes = ImmutableArray.CreateBuilder<PlayedScene>();
        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = -1;
        string? id = null;
        void Close(int end)
        {
            if (id is null || end <= start)
            {
                return;
            }
            visits[id] = visits.GetValueOrDefault(id) + 1;
            var key = visits[id] == 1 ? id : $"{id}@{visits[id]}";
            scenes.Add(new PlayedScene(id, key, path[start..end]));
        }
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i].Event is WorldEvent.SceneStarted started)
            {
                Close(i);
                id = started.Scene;
                start = i;
            }
        }
        Close(path.Length);
        return scenes.ToImmutable();
    }
}

/// <summary>An event of the main path with the state just after it (to word it for any viewer).</summary>
public sealed record PlayedEvent(RecordedEvent Record, WorldState After)
{
    public WorldEvent Event => Record.Event;
    public int Round => Record.Round;
    public NarratorPhase Phase => Record.Phase;
    public string? Actor => Record.Actor;

    public bool IsObservedBy(string character) => Record.Observers.Contains(character);

    /// <summary>The event as <paramref name="viewer"/> (null: the narrator) was told it when it was played.</summary>
    public string? TextFor(string? viewer) => Record.Source.Told(viewer, After);
}

/// <summary>One visit of a scene: its id, its key in reports, and its events in order.</summary>
public sealed record PlayedScene(string Id, string Key, ImmutableArray<PlayedEvent> Events)
{
    /// <summary>The scene's definition, when the world still has it.</summary>
    public SceneDefinition? Definition(WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.FindScene(Id);
    }
}
