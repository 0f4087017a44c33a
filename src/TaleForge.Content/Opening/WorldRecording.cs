using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Core;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Opening;

/// <summary>
/// The world as a recording (a trajectory, a save) names it: the recording's file, the world's id, its source as
/// written (<see cref="WorldSource"/> notation) and its content hash. <see cref="Open"/> is the one way every verb
/// finds that world again: the source as recorded, else relative to the recording's folder, and a path the user
/// gives (<paramref name="instead"/>, the verbs' <c>--world</c>) in place of both; whatever is found must have the
/// recorded hash.
/// </summary>
public sealed record WorldRecording(string File, string WorldId, string Source, string Hash)
{
    /// <summary>
    /// Where the world is now. A CharacterBox file given instead, without a scene of its own, is narrowed to the
    /// recorded scene, so <c>--world moved.json</c> finds the scene that was played.
    /// </summary>
    /// <param name="instead">A world folder, world file or CharacterBox file to use in place of the recorded source.</param>
    /// <param name="option">The option that passes <paramref name="instead"/>, named in messages; null where the verb has none.</param>
    public WorldSource Locate(string? instead = null, string? option = "--world")
    {
        if (instead is not null)
        {
            var given = WorldSource.Parse(instead);
            if (!given.Exists)
            {
                throw new TaleForgeException($"there is no world folder or file at {given.Path} (given with {option ?? "the command"}); give the world {File} was played in.");
            }
            return given.IsCharacterBox && given.Scene is null && Recorded() is { Scene: { } scene } ? given.WithScene(scene) : given;
        }
        if (string.IsNullOrWhiteSpace(Source))
        {
            throw new TaleForgeException($"{File} does not say where its world came from; {(option is null ? "it cannot be opened" : $"pass {option} PATH to the world '{WorldId}'")}.");
        }
        var source = WorldSource.Parse(Source);
        if (source.Exists)
        {
            return source;
        }
        var beside = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(File)) ?? ".", source.Path);
        if (!System.IO.Path.IsPathRooted(source.Path) && source.MovedTo(beside).Exists)
        {
            return source.MovedTo(beside);
        }
        throw new TaleForgeException(option is null
            ? $"{File}: the world '{WorldId}' was loaded from '{source.Path}', which does not exist here; put the world back there to continue."
            : $"{File}: the world '{WorldId}' was loaded from '{source.Path}', which does not exist here; pass the world's folder (or CharacterBox scene file) with {option}.");
    }

    /// <summary>
    /// The world the recording was played in, located (<see cref="Locate"/>) and checked (<see cref="Check"/>).
    /// </summary>
    public OpenedWorld Open(string? instead = null, string? option = "--world") => Check(Locate(instead, option).Open(), option);

    /// <summary>
    /// The one check that a world is the one the recording was played in: its content hash must be the recorded
    /// one. Recordings of a CharacterBox file made before scenes were named in the source, or before world ids
    /// carried a digest, recorded another import of the same file; that import is accepted in its place. A
    /// mismatch names both files and says what to do.
    /// </summary>
    /// <param name="opened">The world as opened (its hash already computed, so nothing is hashed twice).</param>
    /// <param name="option">The option that passes another world, named in the remedy; null where the verb has none.</param>
    /// <returns>The world to play: <paramref name="opened"/>, or the earlier import of its CharacterBox file that the recording holds.</returns>
    public OpenedWorld Check(OpenedWorld opened, string? option = "--world")
    {
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.Hash == Hash)
        {
            return opened;
        }
        var source = opened.Source;
        if (source.IsCharacterBox && EarlierImport(source, opened.Definition) is { } earlier)
        {
            return earlier;
        }
        var remedy = option is null
            ? $"restore {source.Path} as it was to continue, or start a new game."
            : $"restore it as it was, or pass {option} PATH to a copy of that version.";
        throw new TaleForgeException(
            $"the world at {source} is not the one {File} was played in: its content hash is {opened.Hash}, the recording's is {Hash}. "
            + $"The world was edited since; {remedy}");
    }

    /// <summary>
    /// The import of <paramref name="source"/> that has the recorded hash, if any: before scenes were named in the
    /// source a one-scene run recorded the bare file (the scene whose import has the hash is the one played), and
    /// before world ids carried a digest the world's id was its bare slug (docs/characterbox-import.md).
    /// </summary>
    private OpenedWorld? EarlierImport(WorldSource source, WorldDefinition whole)
    {
        IEnumerable<WorldSource> candidates = source.Scene is null
            ? [source, .. whole.Scenes.Select(scene => source.WithScene(scene.Id))]
            : [source];
        foreach (var candidate in candidates)
        {
            if (candidate != source && candidate.Open() is { } single && single.Hash == Hash)
            {
                return single;
            }
            var previous = CharacterBoxImporter.LoadWithPreviousWorldId(candidate.Path, candidate.Scene);
            var opened = new OpenedWorld(candidate, previous, WorldHash.Of(previous));
            if (opened.Hash == Hash)
            {
                return opened;
            }
        }
        return null;
    }

    private WorldSource? Recorded() => string.IsNullOrWhiteSpace(Source) ? null : WorldSource.Parse(Source);
}
