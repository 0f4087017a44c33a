using System.Collections.Immutable;
using System.Text.Json.Nodes;
using TaleForge.Content.Importers.Cards;
using TaleForge.Core;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Exporters;

/// <summary>
/// A TaleForge character as a Character Card V3: description, traits as personality, speech examples as example
/// messages, the scene it opens as scenario and greeting, authored greeting lines as alternate greetings, the
/// world's lore as its character book, and everything kept under <c>extensions: card:</c> written back.
/// </summary>
public static class CardExporter
{
    // Fields whose kept value is text even when it reads as a number ("1984") or true/false.
    private static readonly string[] TextFields = ["creator_notes", "system_prompt", "post_history_instructions", "creator", "character_version", "nickname"];
    private static readonly string[] TextListFields = ["tags", "group_only_greetings", "source"];

    public static JsonObject ToCardV3(WorldDefinition world, string characterId)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentException.ThrowIfNullOrEmpty(characterId);
        var character = world.FindCharacter(characterId)
            ?? throw new TaleForgeException($"world '{world.Info.Id}' has no character '{characterId}'; its characters are {string.Join(", ", world.Characters.Select(c => c.Id))}");
        var (scene, greeting) = Opening(world, character.Id);
        var data = new JsonObject
        {
            ["name"] = character.Name,
            ["description"] = character.Description,
            ["personality"] = string.Join(", ", character.Personality.Traits),
            ["scenario"] = scene?.Description ?? world.Info.Premise,
            ["first_mes"] = greeting,
            ["mes_example"] = string.Join("\n", character.Speech.Examples.Select(e => $"<START>\n{e}")),
            ["alternate_greetings"] = new JsonArray([.. character.Authored.Lines
                .Where(l => l.Id?.StartsWith(CardImporter.GreetingLinePrefix, StringComparison.Ordinal) == true)
                .Select(l => JsonValue.Create(l.Action))]),
        };
        // Kept fields in the order they were read, so a card read back keeps them in that order too.
        if (character.Extensions.Get(CardImporter.ExtensionKey) is Extensions kept)
        {
            foreach (var (key, value) in kept)
            {
                data[key] = TextFields.Contains(key) ? JsonValue.Create(value as string ?? "")
                    : TextListFields.Contains(key) && value is ImmutableArray<object?> list ? new JsonArray([.. list.Select(v => JsonValue.Create(v as string ?? ""))])
                    : JsonExtensions.ToJson(value);
            }
        }
        // The fields V3 requires, empty where the character has none.
        foreach (var key in TextFields.Take(5))
        {
            data[key] ??= "";
        }
        data["tags"] ??= new JsonArray();
        data["extensions"] ??= new JsonObject();
        data["group_only_greetings"] ??= new JsonArray();
        if (!world.Lore.IsEmpty)
        {
            data["character_book"] = LorebookExporter.ToCharacterBook(world);
        }
        return new JsonObject { ["spec"] = CharacterCard.V3Spec, ["spec_version"] = "3.0", ["data"] = data };
    }

    /// <summary>The same card as V2, for the PNG's <c>chara</c> chunk that older readers look for.</summary>
    public static JsonObject ToCardV2(JsonObject v3)
    {
        ArgumentNullException.ThrowIfNull(v3);
        var v2 = (JsonObject)v3.DeepClone();
        v2["spec"] = CharacterCard.V2Spec;
        v2["spec_version"] = "2.0";
        return v2;
    }

    /// <summary>The scene the character's greeting opens, and that greeting: the first opening beat by the character.</summary>
    private static (SceneDefinition? Scene, string Greeting) Opening(WorldDefinition world, string id)
    {
        foreach (var scene in world.Scenes)
        {
            if (scene.Opening.FirstOrDefault(b => b.Actor == id) is { } beat)
            {
                var greeting = beat.Dialogue is { Length: > 0 } said ? $"{beat.Action} \"{said}\"" : beat.Action;
                return (scene, greeting);
            }
        }
        return (world.Scenes.FirstOrDefault(s => s.Participants.Contains(id)), "");
    }
}
