using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Core;

namespace TaleForge.Content.Opening;

/// <summary>
/// Where a world comes from: a world folder, a one-file YAML world, or a CharacterBox scene file (their JSON as
/// shipped), optionally narrowed to one of its scenes. Written as the trajectory header's <c>world.source</c>:
/// the path alone, or for one scene of a CharacterBox file the path, <c>#scene=</c> and the scene's id
/// (<c>works/tides.json#scene=scene-1</c>; the id as written in the file or as the world knows it). A plain path
/// means what it always meant, so older trajectories read as they did.
/// </summary>
public readonly record struct WorldSource
{
    /// <summary>Separates a CharacterBox file from the scene it is narrowed to.</summary>
    public const string SceneMarker = "#scene=";

    private WorldSource(string path, string? scene)
    {
        Path = path;
        Scene = scene;
    }

    /// <summary>The world folder, YAML file or CharacterBox file, as given (relative paths stay relative).</summary>
    public string Path { get; }

    /// <summary>The one scene of a CharacterBox file this source is, or null for the whole file (and every YAML world).</summary>
    public string? Scene { get; }

    /// <summary>A CharacterBox scene file (by its .json name); everything else is a YAML world.</summary>
    public bool IsCharacterBox => IsCharacterBoxPath(Path);

    /// <summary>A world folder or YAML file, or a whole CharacterBox file.</summary>
    public static WorldSource At(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new WorldSource(path, null);
    }

    /// <summary>One scene of a CharacterBox file.</summary>
    public static WorldSource SceneOf(string path, string scene)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(scene);
        if (!IsCharacterBoxPath(path))
        {
            throw new TaleForgeException($"'{path}' is not a CharacterBox scene file (.json), so it has no scene '{scene}' to choose; a YAML world starts where its scenes say.");
        }
        return new WorldSource(path, scene.Trim());
    }

    /// <summary>Reads the notation <see cref="ToString"/> writes; a text without a scene marker is a plain path.</summary>
    public static WorldSource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TaleForgeException("the world source is empty; give a world folder, a world file or a CharacterBox scene file (.json).");
        }
        var marker = text.LastIndexOf(SceneMarker, StringComparison.Ordinal);
        if (marker > 0 && IsCharacterBoxPath(text[..marker]))
        {
            var scene = text[(marker + SceneMarker.Length)..];
            return scene.Trim().Length == 0
                ? throw new TaleForgeException($"the world source '{text}' names no scene after '{SceneMarker}'; write {text[..marker]}{SceneMarker}ID, or leave the marker out for every scene.")
                : SceneOf(text[..marker], scene);
        }
        return At(text);
    }

    /// <summary>The same world (and scene) at another place: where the file was moved to.</summary>
    public WorldSource MovedTo(string path) => new(path, Scene);

    /// <summary>The same source with its path made absolute, as trajectories record it when they are written.</summary>
    public WorldSource Absolute() => MovedTo(System.IO.Path.GetFullPath(Path));

    /// <summary>This CharacterBox file narrowed to one scene; a whole file when <paramref name="scene"/> is null.</summary>
    public WorldSource WithScene(string? scene) => scene is null ? At(Path) : SceneOf(Path, scene);

    /// <summary>Whether anything is at <see cref="Path"/> (relative paths: from the current folder).</summary>
    public bool Exists => Directory.Exists(Path) || File.Exists(Path);

    /// <summary>
    /// Loads the world: a YAML world through the loader (every error at once, file:line:col), a CharacterBox file
    /// through the importer (the whole work, or the one scene). Problems are <see cref="TaleForgeException"/>s.
    /// </summary>
    public OpenedWorld Open()
    {
        var definition = IsCharacterBox ? CharacterBoxImporter.Load(Path, Scene) : WorldLoader.LoadOrThrow(Path);
        return new OpenedWorld(this, definition, WorldHash.Of(definition));
    }

    public override string ToString() => Scene is null ? Path ?? "" : Path + SceneMarker + Scene;

    private static bool IsCharacterBoxPath(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
