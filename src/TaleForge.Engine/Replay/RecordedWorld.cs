using TaleForge.Content;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>
/// The world a trajectory was played in, loaded again from where its header says it came from (or from a copy
/// the user names) and checked against the recorded content hash, so nothing is replayed in a world that changed.
/// </summary>
public static class RecordedWorld
{
    /// <param name="trajectory">The trajectory; a relative source is looked for beside it too.</param>
    /// <param name="path">A world folder or file to use instead of the recorded source; its hash must still match.</param>
    /// <param name="load">Loads a world from a path; by default the YAML world loader.</param>
    public static WorldDefinition Load(TrajectoryFile trajectory, string? path = null, Func<string, WorldDefinition>? load = null)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var recorded = trajectory.Header.World;
        var source = path ?? Locate(trajectory, recorded.Source);
        load ??= LoadYaml;
        var world = load(source);
        var hash = WorldHash.Of(world);
        if (hash != recorded.Hash)
        {
            throw new TaleForgeException(
                $"the world at {source} is not the one {trajectory.Path} was played in: its content hash is {hash}, the trajectory's is {recorded.Hash}. "
                + "The world was edited since; replay needs the world as it was (restore it, or pass --world PATH to a copy of that version).");
        }
        return world;
    }

    private static string Locate(TrajectoryFile trajectory, string source)
    {
        if (source.Length == 0)
        {
            throw new TaleForgeException($"{trajectory.Path} does not say where its world came from; pass --world PATH.");
        }
        if (Directory.Exists(source) || File.Exists(source))
        {
            return source;
        }
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(trajectory.Path)) ?? ".", source);
        if (!Path.IsPathRooted(source) && (Directory.Exists(beside) || File.Exists(beside)))
        {
            return beside;
        }
        throw new TaleForgeException(
            $"the world of {trajectory.Path} was loaded from {source}, which no longer exists; pass --world PATH to the world '{trajectory.Header.World.Id}'.");
    }

    private static WorldDefinition LoadYaml(string source)
    {
        if (File.Exists(source) && source.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new TaleForgeException(
                $"{source} is a CharacterBox scene file; convert it with 'taleforge import characterbox' and pass the converted folder with --world (its hash must match).");
        }
        return WorldLoader.LoadOrThrow(source);
    }
}
