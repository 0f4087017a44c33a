using System.Collections.Immutable;
using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>The CharacterBox files written for these tests, and small works built in code.</summary>
internal static class Fixtures
{
    /// <summary>An English work: two scenes, three characters, Mara Quill in both.</summary>
    public static string English => Path.Combine(AppContext.BaseDirectory, "CharacterBox", "salt-and-lanterns.json");

    /// <summary>A Chinese work: one scene, two characters.</summary>
    public static string Chinese => Path.Combine(AppContext.BaseDirectory, "CharacterBox", "dukou-yehua.json");

    public static WorldDefinition ImportEnglish(string? scene = null) => CharacterBoxImporter.Load(English, scene);

    public static WorldDefinition ImportChinese() => CharacterBoxImporter.Load(Chinese);

    /// <summary>A one-scene work whose scene is given as JSON, for variations and broken input.</summary>
    public static string Work(string sceneJson) => $$"""{"title": "Test Work", "scenes": [{{sceneJson}}]}""";

    /// <summary>A scene with two characters and an action each; <paramref name="replace"/> swaps parts of it.</summary>
    public static string Scene(params (string Old, string New)[] replace)
    {
        var scene = """
            {"id": 0, "event": "A quarrel", "time": "noon", "location": "The yard", "description": "Hens scatter.",
             "characters": [
               {"id": 0, "name": "Ann", "gender": "Female", "description": "A farmer.", "position": "By the gate", "states": "Cross"},
               {"id": 1, "name": "Bo", "gender": "Male", "description": "Her neighbour.", "position": "On the wall", "states": "Sheepish"}
             ],
             "actions": [
               {"action_id": 0, "character": "Ann", "character_id": 0, "action": "Ann points at the hens.", "dialogue": "Yours again."},
               {"action_id": 1, "character": "Bo", "character_id": 1, "action": "Bo shrugs.", "dialogue": "None"}
             ]}
            """;
        foreach (var (old, @new) in replace)
        {
            Assert.Contains(old, scene);
            scene = scene.Replace(old, @new, StringComparison.Ordinal);
        }
        return scene;
    }

    /// <summary>The value at a path of keys under an entity's extensions.</summary>
    public static object? At(Extensions extensions, params string[] path)
    {
        object? value = extensions;
        foreach (var key in path)
        {
            value = Assert.IsType<Extensions>(value).Get(key);
        }
        return value;
    }

    public static string Text(Extensions extensions, params string[] path) => Assert.IsType<string>(At(extensions, path));

    public static ImmutableArray<object?> Items(Extensions extensions, params string[] path) => Assert.IsType<ImmutableArray<object?>>(At(extensions, path));
}
