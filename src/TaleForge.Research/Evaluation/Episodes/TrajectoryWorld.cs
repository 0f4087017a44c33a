using TaleForge.Content;
using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Core;
using TaleForge.Core.Definitions;

namespace TaleForge.Research.Evaluation.Episodes;

/// <summary>
/// Finds the world a trajectory was played in: the world folder or CharacterBox scene file its header names (as
/// given when it was played, so relative to where that was, else relative to the trajectory), or the one the
/// caller names instead.
/// </summary>
public static class TrajectoryWorld
{
    /// <param name="instead">A world folder or scene file to use in place of the header's source (it must still have the recorded hash).</param>
    public static WorldDefinition Load(RecordedTrajectory file, string? instead = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var source = instead ?? file.WorldSource;
        var candidates = Path.IsPathRooted(source)
            ? [source]
            : new[] { Path.GetFullPath(source), Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? "", source) };
        if (candidates.FirstOrDefault(Directory.Exists) is { } folder)
        {
            return WorldLoader.LoadOrThrow(folder);
        }
        if (candidates.FirstOrDefault(File.Exists) is { } scenes)
        {
            return FromSceneFile(scenes, file.WorldHash);
        }
        throw new TaleForgeException(
            $"{file.Path}: the world '{file.WorldId}' was loaded from '{source}', which does not exist here; "
            + "pass the world's folder (or CharacterBox scene file) with --world.");
    }

    /// <summary>
    /// A CharacterBox file imports as one world of all its scenes, or of the one scene a simulation was limited to:
    /// the import whose hash was recorded is the one played.
    /// </summary>
    private static WorldDefinition FromSceneFile(string path, string recordedHash)
    {
        var whole = CharacterBoxImporter.Load(path);
        if (RecordedTrajectory.HashOf(whole) == recordedHash)
        {
            return whole;
        }
        foreach (var scene in whole.Scenes)
        {
            WorldDefinition single;
            try
            {
                single = CharacterBoxImporter.Load(path, scene.Id);
            }
            catch (TaleForgeException)
            {
                continue;
            }
            if (RecordedTrajectory.HashOf(single) == recordedHash)
            {
                return single;
            }
        }
        // No import matches: the file changed since; opening the episode reports the hash mismatch.
        return whole;
    }
}
