using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// Reads a CharacterBox work from its JSON: liberal in what it accepts (ids as numbers or text, optional fields
/// missing or null, unknown fields ignored, a bare list of scenes), strict about what would make the work
/// ambiguous (scenes without characters, actions by no one in the scene, two scenes with one id).
/// </summary>
internal static class SourceReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static SourceWork Read(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw JsonSyntax.Problem(json, sourceName, e);
        }
        using (document)
        {
            var fields = new JsonFields(sourceName);
            var root = document.RootElement;
            var (title, scenes) = root.ValueKind switch
            {
                JsonValueKind.Object => (fields.Text(root, "title", "the work"), fields.List(root, "scenes", "the work")),
                JsonValueKind.Array => ((string?)null, (IReadOnlyList<JsonElement>)[.. root.EnumerateArray()]),
                _ => throw fields.Problem($"the file holds {JsonFields.Kind(root)}, not a CharacterBox work; it should be an object {{\"title\": ..., \"scenes\": [...]}}"),
            };
            if (scenes.Count == 0)
            {
                throw fields.Problem("the work has no scenes: 'scenes' is missing or empty; a CharacterBox file is {\"title\": ..., \"scenes\": [{\"id\": 0, \"characters\": [...], ...}]}");
            }
            var read = scenes.Select((scene, index) => Scene(scene, index, fields)).ToImmutableArray();
            RefuseDuplicateIds(read, fields);
            return new SourceWork(title, read);
        }
    }

    private static SourceScene Scene(JsonElement scene, int index, JsonFields fields)
    {
        var where = $"scenes[{index}]";
        if (scene.ValueKind != JsonValueKind.Object)
        {
            throw fields.Problem($"{where} (scene {index + 1} in the file) should be an object {{\"id\": ..., \"characters\": [...], ...}}, not {JsonFields.Kind(scene)}");
        }
        // A scene without an id is known by its index, as CharacterBox's own loader picks scenes.
        var id = fields.Id(scene, "id", where) ?? index.ToString(CultureInfo.InvariantCulture);
        var draft = new SourceScene { Position = index + 1, Id = id };
        where = draft.Label;
        var characters = Characters(scene, where, fields);
        var chunk = fields.Object(scene, "chunk", where) is { } c
            ? new SourceChunk(fields.Id(c, "id", $"{where}, chunk"), fields.VerbatimText(c, "text", $"{where}, chunk"))
            : fields.VerbatimText(scene, "chunk", where) is { } text ? new SourceChunk(null, text) : null;
        return draft with
        {
            Event = fields.Text(scene, "event", where) ?? "",
            Time = fields.Text(scene, "time", where) ?? "",
            Location = fields.Text(scene, "location", where) ?? "",
            Description = fields.Text(scene, "description", where) ?? "",
            Plot = fields.Text(scene, "plot", where),
            Chunk = chunk,
            Characters = characters,
            Actions = [.. fields.List(scene, "actions", where).Select((a, i) => Action(a, $"{where}, action {i + 1}", characters, fields))],
        };
    }

    private static ImmutableArray<SourceCharacter> Characters(JsonElement scene, string where, JsonFields fields)
    {
        var list = fields.List(scene, "characters", where);
        if (list.Count == 0)
        {
            throw fields.Problem($"{where} has no characters; add at least one to its 'characters' list ({{\"id\": 0, \"name\": ..., \"description\": ...}})");
        }
        var characters = ImmutableArray.CreateBuilder<SourceCharacter>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{where}, character {i + 1}";
            var character = list[i];
            if (character.ValueKind != JsonValueKind.Object)
            {
                throw fields.Problem($"{at} should be an object {{\"id\": ..., \"name\": ..., ...}}, not {JsonFields.Kind(character)}");
            }
            var read = new SourceCharacter
            {
                Id = fields.Id(character, "id", at) ?? i.ToString(CultureInfo.InvariantCulture),
                Name = fields.Text(character, "name", at) ?? throw fields.Problem($"{at} has no name; give it a 'name' (characters are matched across scenes by name)"),
                Gender = fields.Text(character, "gender", at),
                Description = fields.Text(character, "description", at) ?? "",
                Position = fields.Text(character, "position", at) ?? "",
                States = fields.Text(character, "states", at) ?? "",
            };
            foreach (var earlier in characters)
            {
                if (earlier.Id == read.Id)
                {
                    throw fields.Problem($"{where} has two characters with the id {read.Id} ({earlier.Name} and {read.Name}); number a scene's characters 0, 1, 2, ...");
                }
                if (earlier.NameKey == read.NameKey)
                {
                    throw fields.Problem($"{where} has two characters named '{read.Name}' (ids {earlier.Id} and {read.Id}); characters are matched across scenes by name, so give each its own");
                }
            }
            characters.Add(read);
        }
        return characters.MoveToImmutable();
    }

    private static SourceAction Action(JsonElement action, string where, ImmutableArray<SourceCharacter> cast, JsonFields fields)
    {
        if (action.ValueKind != JsonValueKind.Object)
        {
            throw fields.Problem($"{where} should be an object {{\"character\": ..., \"action\": ..., \"dialogue\": ...}}, not {JsonFields.Kind(action)}");
        }
        var name = fields.Text(action, "character", where);
        var id = fields.Id(action, "character_id", where);
        return new SourceAction
        {
            ActionId = fields.Id(action, "action_id", where),
            Character = name,
            CharacterId = id,
            Actor = Actor(name, id, where, cast, fields),
            Action = fields.Text(action, "action", where) ?? "",
            Dialogue = Dialogue.Line(fields.Text(action, "dialogue", where)),
        };
    }

    /// <summary>
    /// The name decides, as CharacterBox itself seeds actions by name; the id is the fallback when the name is
    /// missing or matches no one.
    /// </summary>
    private static SourceCharacter Actor(string? name, string? id, string where, ImmutableArray<SourceCharacter> cast, JsonFields fields)
    {
        if (name is not null && cast.FirstOrDefault(c => c.NameKey == SourceCharacter.KeyOf(name)) is { } byName)
        {
            return byName;
        }
        if (id is not null && cast.FirstOrDefault(c => c.Id == id) is { } byId)
        {
            return byId;
        }
        var named = (name, id) switch
        {
            (null, null) => "names no character",
            (not null, null) => $"is by '{name}'",
            (null, not null) => $"is by character_id {id}",
            _ => $"is by '{name}' (character_id {id})",
        };
        var known = string.Join(", ", cast.Select(c => $"{c.Id} {c.Name}"));
        throw fields.Problem($"{where} {named}, who is not among the scene's characters ({known}); set 'character' to one of their names, or add the character to the scene");
    }

    private static void RefuseDuplicateIds(ImmutableArray<SourceScene> scenes, JsonFields fields)
    {
        var seen = new Dictionary<string, SourceScene>(StringComparer.Ordinal);
        foreach (var scene in scenes)
        {
            if (!seen.TryAdd(scene.Id, scene))
            {
                throw fields.Problem($"scenes {seen[scene.Id].Position} and {scene.Position} in the file both have the id '{scene.Id}' (a scene without an id goes by its index, 0 for the first); give each scene its own id");
            }
        }
    }
}
