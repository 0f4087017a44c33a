using System.Collections.Immutable;
using System.Text;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// Imports CharacterBox scene files (their JSON, one file per work, English or Chinese) as TaleForge worlds;
/// docs/characterbox-import.md describes the mapping. Every problem is a <see cref="CharacterBoxImportException"/>
/// that names the file, the place in the work, and what to do.
/// </summary>
public static class CharacterBoxImporter
{
    /// <summary>The largest file imported: CharacterBox's own works are about 1 MiB, chiefly source passages.</summary>
    public const long MaxFileBytes = 8 << 20;

    /// <summary>
    /// The world made from the work in <paramref name="json"/>; <paramref name="sourceName"/> (a file name) names
    /// it in messages and gives the world its id when the title cannot. With <paramref name="sceneId"/>, only that scene.
    /// </summary>
    public static WorldDefinition Import(string json, string sourceName, string? sceneId = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        if (Encoding.UTF8.GetByteCount(json) > MaxFileBytes)
        {
            throw TooLarge(sourceName);
        }
        var work = SourceReader.Read(json, sourceName);
        var world = WorldMapping.Map(work, Select(work, sceneId, sourceName), sourceName);
        ImportCheck.Verify(world, sourceName);
        return world;
    }

    /// <summary>Reads and imports a CharacterBox .json file (UTF-8, or UTF-16 with a byte order mark).</summary>
    public static WorldDefinition Load(string path, string? sceneId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new CharacterBoxImportException(path, "this is a folder; give a CharacterBox scene file (.json)");
        }
        if (!File.Exists(path))
        {
            throw new CharacterBoxImportException(path, "no such file; give the path of a CharacterBox scene file (.json)");
        }
        string json;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw TooLarge(path);
            }
            using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            json = reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new CharacterBoxImportException(path, "the file is not UTF-8 text; save it as UTF-8 and import again");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CharacterBoxImportException(path, $"the file cannot be read: {e.Message}");
        }
        return Import(json, path, sceneId);
    }

    /// <summary>
    /// The file imported as TaleForge imported it before world ids carried a digest of the title and file name:
    /// the same world under its bare slug id. Only for checking recordings made then against their hash.
    /// </summary>
    public static WorldDefinition LoadWithPreviousWorldId(string path, string? sceneId = null)
    {
        var world = Load(path, sceneId);
        return world with { Info = world.Info with { Id = WorkId.Previous(world.Info.Id) } };
    }

    /// <summary>The places of every scene, or of the one asked for: by its id as written in the file, or by the id it gets in the world.</summary>
    private static ImmutableArray<int> Select(SourceWork work, string? sceneId, string sourceName)
    {
        if (sceneId is null)
        {
            return [.. Enumerable.Range(0, work.Scenes.Length)];
        }
        var wanted = sceneId.Trim();
        var ids = SceneIds.For(work.Scenes);
        for (var i = 0; i < work.Scenes.Length; i++)
        {
            if (work.Scenes[i].Id == wanted || ids[i].Scene == wanted)
            {
                return [i];
            }
        }
        const int Shown = 100;
        var known = string.Join(", ", work.Scenes.Take(Shown).Select(s => s.Id));
        var more = work.Scenes.Length > Shown ? $", ... ({work.Scenes.Length} in all)" : "";
        throw new CharacterBoxImportException(sourceName, $"there is no scene '{wanted}'; the scene ids are: {known}{more}");
    }

    private static CharacterBoxImportException TooLarge(string sourceName) =>
        new(sourceName, $"the file is larger than the {MaxFileBytes >> 20} MiB TaleForge imports; split the work into several files");
}
