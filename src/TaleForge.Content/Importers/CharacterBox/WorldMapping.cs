using System.Collections.Immutable;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// CharacterBox scenes as a TaleForge world (docs/characterbox-import.md has the whole mapping): a location per
/// scene, characters unified by name, scenes chained in file order that gather their cast and run CharacterBox's
/// three rounds, and everything the format has no key for kept under <c>extensions: characterbox:</c>.
/// </summary>
internal static class WorldMapping
{
    /// <summary>CharacterBox runs a scene for three rounds unless told otherwise.</summary>
    public const int Rounds = 3;

    /// <param name="selected">The places in the work of the scenes to import, in file order.</param>
    public static WorldDefinition Map(SourceWork work, ImmutableArray<int> selected, string sourceName)
    {
        // Ids come from the whole work, so a scene and its people have the same ids in every import of the file.
        var allIds = SceneIds.For(work.Scenes);
        var cast = new Cast(work.Scenes, allIds, selected);
        ImmutableArray<SourceScene> scenes = [.. selected.Select(i => work.Scenes[i])];
        ImmutableArray<SceneIds> ids = [.. selected.Select(i => allIds[i])];
        var language = Language(work, scenes);
        return new WorldDefinition
        {
            Info = Info(work, scenes[0], ids[0].Scene, sourceName, language),
            Locations = [.. scenes.Select((scene, i) => Location(scene, ids[i], language))],
            Characters = cast.Definitions(language),
            Scenes = [.. scenes.Select((scene, i) => Scene(scene, ids[i], i + 1 < ids.Length ? ids[i + 1].Scene : null, cast, language))],
        };
    }

    /// <summary>Chinese when the title and the scenes' own text (not the source passages) are mostly CJK characters.</summary>
    private static string Language(SourceWork work, ImmutableArray<SourceScene> scenes)
    {
        IEnumerable<string?> texts = [work.Title, .. scenes.SelectMany(s => new[] { s.Event, s.Location, s.Description, s.Time }
            .Concat(s.Characters.SelectMany(c => new[] { c.Name, c.Description, c.Position, c.States }))
            .Concat(s.Actions.SelectMany(a => new[] { a.Action, a.Dialogue })))];
        return CjkText.IsMostlyChinese(texts) ? "zh" : "en";
    }

    private static WorldInfo Info(SourceWork work, SourceScene first, string startScene, string sourceName, string language)
    {
        var stem = Path.GetFileNameWithoutExtension(sourceName);
        return new WorldInfo
        {
            Id = WorkId.For(work.Title, sourceName),
            Title = Readable(work.Title is { Length: > 0 } title ? title : stem.Length > 0 ? stem : "CharacterBox"),
            Language = language,
            Premise = Joined(first.Event, first.Description, language),
            StartScene = startScene,
            Extensions = new ExtensionData()
                .Add("title", work.Title)
                .Add("source", Path.GetFileName(sourceName))
                .UnderKey(),
        };
    }

    private static LocationDefinition Location(SourceScene scene, SceneIds ids, string language) => new()
    {
        Id = ids.Location,
        Name = new[] { scene.Location, scene.Event }.FirstOrDefault(n => n.Length > 0)
            ?? (language == "zh" ? $"场景{scene.Id}" : $"Scene {scene.Id}"),
        Description = scene.Description,
    };

    private static SceneDefinition Scene(SourceScene scene, SceneIds ids, string? next, Cast cast, string language) => new()
    {
        Id = ids.Scene,
        Title = scene.Event,
        Event = scene.Event,
        Time = scene.Time,
        Location = ids.Location,
        Description = scene.Description,
        Participants = [.. Cast.InIdOrder(scene).Select(cast.IdOf)],
        Opening = [.. scene.Actions.Select(a => Beat(a, cast, language)).OfType<OpeningBeat>()],
        End = new SceneEnd { MaxRounds = Rounds },
        Gather = true,
        Transitions = next is null ? [] : [new SceneTransition(next)],
        Extensions = SceneExtensions(scene),
    };

    /// <summary>
    /// An action becomes a beat; a line with no action gets a plain "speaks", as every beat needs an action, and
    /// an action with neither is left to the extensions.
    /// </summary>
    private static OpeningBeat? Beat(SourceAction action, Cast cast, string language)
    {
        if (action.Action.Length == 0 && action.Dialogue is null)
        {
            return null;
        }
        var text = action.Action.Length > 0 ? action.Action : language == "zh" ? $"{action.Actor.Name}开口说道。" : $"{action.Actor.Name} speaks.";
        return new OpeningBeat(cast.IdOf(action.Actor), text) { Dialogue = action.Dialogue };
    }

    private static Extensions SceneExtensions(SourceScene scene) => new ExtensionData()
        .Add("id", scene.Id)
        .Add("plot", scene.Plot)
        .Add("chunk", scene.Chunk is { } chunk ? new ExtensionData().Add("id", chunk.Id).Add("text", chunk.Text) : null)
        .Add("characters", scene.Characters.Select(c => new ExtensionData()
            .Add("id", c.Id)
            .Add("name", c.Name)
            .Add("gender", c.Gender)
            .Add("description", c.Description)
            .Add("position", c.Position)
            .Add("states", c.States)))
        .Add("actions", scene.Actions.Select(a => new ExtensionData()
            .Add("action_id", a.ActionId)
            .Add("character", a.Character)
            .Add("character_id", a.CharacterId)))
        .UnderKey();

    /// <summary>CharacterBox titles are file names ("Harry_Potter"); one without spaces reads better with them.</summary>
    private static string Readable(string title) =>
        (title.Contains(' ', StringComparison.Ordinal) ? title : title.Replace('_', ' ').Trim()) is { Length: > 0 } readable ? readable : "CharacterBox";

    private static string Joined(string first, string second, string language) => (first, second) switch
    {
        ({ Length: 0 }, _) => second,
        (_, { Length: 0 }) => first,
        _ => language == "zh" ? $"{first}：{second}" : $"{first}: {second}",
    };
}
