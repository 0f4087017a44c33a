using System.Globalization;
using System.Text.Json.Nodes;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>
/// Where CharacterBox's evaluation scripts look for a run's records, and in what shape: the character judge opens
/// <c>output/record/TITLE/NARRATOR_CHARACTER_SCENE_character.json</c> (one JSON object: character id → its entries,
/// each with character_name, round, type and a detail holding event, time, location, description,
/// character_description, observation and text), the narrator judge
/// <c>output/record/TITLE/narrator/NARRATOR_CHARACTER_narrator_unseen.jsonl</c> (a line per scene
/// <c>{"record": [...]}</c>; it reads the first). TITLE is the work's title as its file spells it, SCENE its
/// integer scene id, NARRATOR and CHARACTER the model names (the file name without ".gguf"; "authored" without one).
/// </summary>
public static class CharacterBoxLayout
{
    public const string RecordFolder = "output/record";

    /// <summary>One scene's records and where they go, relative to the export folder.</summary>
    public sealed record SceneFiles(string Title, string Narrator, string Character, int SceneId, string CharacterPath, string NarratorPath, JsonObject Characters, JsonArray NarratorRecord);

    public static SceneFiles For(TrajectoryHeader header, WorldDefinition world, CharacterBoxRun run)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(run);
        var spec = Engine.Episodes.EpisodeSpec.Of(header);
        var title = Title(world);
        var narrator = ModelName(spec.ModelFor(Role.Narrator));
        var character = ModelName(spec.ModelFor(Role.Characters) ?? spec.Models.FirstOrDefault(m => m.Role.Kind == RoleKind.Character));
        var scene = world.FindScene(run.Scene);
        var sceneId = OriginalSceneId(scene) ?? throw new TaleForgeException(
            $"the scene '{run.Scene}' of '{world.Info.Title}' has no integer CharacterBox id, which CharacterBox's paths need; export scenes imported from a CharacterBox file.");
        var characters = new JsonObject();
        foreach (var (id, entries) in (JsonObject)run.Character["record"]!)
        {
            characters[OriginalCharacterId(world.FindCharacter(id), scene) ?? id] = entries!.DeepClone();
        }
        var folder = $"{RecordFolder}/{title}";
        return new SceneFiles(
            title, narrator, character, sceneId,
            string.Create(CultureInfo.InvariantCulture, $"{folder}/{narrator}_{character}_{sceneId}_character.json"),
            $"{folder}/narrator/{narrator}_{character}_narrator_unseen.jsonl",
            characters,
            (JsonArray)run.Narrator["record"]!.DeepClone());
    }

    /// <summary>The title as the work's file spells it (CharacterBox puts it in paths as is, underscores and all).</summary>
    private static string Title(WorldDefinition world) =>
        Inner(world.Info.Extensions)?.Get("title") is string { Length: > 0 } title ? title : world.Info.Title;

    private static string ModelName(ModelReference? model) => model is null ? "authored"
        : model.File.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) ? model.File[..^5] : model.File;

    private static int? OriginalSceneId(SceneDefinition? scene) =>
        Inner(scene?.Extensions)?.Get("id") is string id && int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The character's id in the scene's own list (CharacterBox's 0..n-1), from the appearances the import kept.</summary>
    private static string? OriginalCharacterId(CharacterDefinition? character, SceneDefinition? scene)
    {
        var sceneId = Inner(scene?.Extensions)?.Get("id") as string;
        if (sceneId is null || Inner(character?.Extensions)?.Get("appearances") is not IEnumerable<object?> appearances)
        {
            return null;
        }
        return appearances.OfType<Extensions>().FirstOrDefault(a => a.Get("scene") as string == sceneId)?.Get("id") as string;
    }

    private static Extensions? Inner(Extensions? extensions) => extensions?.Get("characterbox") as Extensions;
}
