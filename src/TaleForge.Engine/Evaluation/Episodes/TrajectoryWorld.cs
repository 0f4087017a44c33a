using TaleForge.Content;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Evaluation.Episodes;

/// <summary>
/// Finds the world a trajectory was played in: the folder its header names (as given when it was played, so
/// relative to where that was, else relative to the trajectory), or the folder the caller names instead.
/// </summary>
public static class TrajectoryWorld
{
    /// <param name="instead">A world folder to use in place of the header's source (it must still have the recorded hash).</param>
    public static WorldDefinition Load(TrajectoryFile file, string? instead = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var source = instead ?? file.Header.World.Source;
        var candidates = Path.IsPathRooted(source)
            ? [source]
            : new[] { Path.GetFullPath(source), Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? "", source) };
        var folder = candidates.FirstOrDefault(Directory.Exists);
        if (folder is not null)
        {
            return WorldLoader.LoadOrThrow(folder);
        }
        if (candidates.FirstOrDefault(File.Exists) is { } single)
        {
            throw new TaleForgeException(
                $"{file.Path}: the world source '{single}' is a file, and evaluation reads world folders; "
                + "import it into a world folder and pass that folder with --world.");
        }
        throw new TaleForgeException(
            $"{file.Path}: the world '{file.Header.World.Id}' was loaded from '{source}', which does not exist here; "
            + "pass the world's folder with --world.");
    }
}
