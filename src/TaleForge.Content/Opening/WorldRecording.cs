using TaleForge.Core;

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
    /// The world the recording was played in, located (<see cref="Locate"/>) and checked against the recorded hash;
    /// a mismatch names both files and says what to do.
    /// </summary>
    public OpenedWorld Open(string? instead = null, string? option = "--world")
    {
        var source = Locate(instead, option);
        var opened = source.Open();
        if (opened.Hash == Hash)
        {
            return opened;
        }
        // Before scenes were named in the source, a one-scene run recorded the bare file: the scene whose import
        // has the recorded hash is the one played.
        if (source.IsCharacterBox && source.Scene is null)
        {
            foreach (var scene in opened.Definition.Scenes)
            {
                var single = source.WithScene(scene.Id).Open();
                if (single.Hash == Hash)
                {
                    return single;
                }
            }
        }
        var remedy = option is null
            ? $"restore {source.Path} as it was to continue, or start a new game."
            : $"restore it as it was, or pass {option} PATH to a copy of that version.";
        throw new TaleForgeException(
            $"the world at {source} is not the one {File} was played in: its content hash is {opened.Hash}, the recording's is {Hash}. "
            + $"The world was edited since; {remedy}");
    }

    private WorldSource? Recorded() => string.IsNullOrWhiteSpace(Source) ? null : WorldSource.Parse(Source);
}
