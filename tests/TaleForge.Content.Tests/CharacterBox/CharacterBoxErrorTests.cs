using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Core;

namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>Input the importer refuses, each with a message that says where the problem is and what to do.</summary>
public class CharacterBoxErrorTests
{
    /// <summary>Broken works, each with a part of the message it must give; the CLI tests run the same list.</summary>
    public static TheoryData<string, string, string> Malformed() => new()
    {
        {
            "syntax",
            "{\n  \"title\": \"T\",\n  \"scenes\": [\n    {\"id\": 0 \"event\": \"x\"}\n  ]\n}",
            "bad.json:4:14: the file is not valid JSON: "
        },
        { "empty", "   ", "bad.json:1:4: the file is empty" },
        { "not a work", "\"just text\"", "bad.json: the file holds the text \"just text\", not a CharacterBox work" },
        { "no scenes", "{\"title\": \"T\", \"scenes\": []}", "bad.json: the work has no scenes" },
        { "scenes not a list", "{\"title\": \"T\", \"scenes\": {}}", "bad.json: the work: 'scenes' should be a list [...], not an object" },
        {
            "scene without characters",
            "{\"title\": \"T\", \"scenes\": [" + Fixtures.Scene() + ", {\"id\": 7, \"characters\": []}]}",
            "bad.json: scene '7' (scene 2 in the file) has no characters; add at least one to its 'characters' list"
        },
        {
            "unknown actor",
            Fixtures.Work(Fixtures.Scene(("\"character\": \"Bo\", \"character_id\": 1", "\"character\": \"Cy\", \"character_id\": 5"))),
            "bad.json: scene '0' (scene 1 in the file), action 2 is by 'Cy' (character_id 5), who is not among the scene's characters (0 Ann, 1 Bo); set 'character' to one of their names"
        },
        {
            "action by no one",
            Fixtures.Work(Fixtures.Scene(("\"character\": \"Bo\", \"character_id\": 1", "\"character\": null"))),
            "bad.json: scene '0' (scene 1 in the file), action 2 names no character, who is not among the scene's characters"
        },
        {
            "duplicate scene ids",
            "{\"title\": \"T\", \"scenes\": [" + Fixtures.Scene() + ", " + Fixtures.Scene() + "]}",
            "bad.json: scenes 1 and 2 in the file both have the id '0'"
        },
        {
            "character without a name",
            Fixtures.Work(Fixtures.Scene(("\"name\": \"Bo\", ", ""))),
            "bad.json: scene '0' (scene 1 in the file), character 2 has no name; give it a 'name'"
        },
        {
            "two characters with one name",
            Fixtures.Work(Fixtures.Scene(("\"name\": \"Bo\"", "\"name\": \"ANN\""))),
            "bad.json: scene '0' (scene 1 in the file) has two characters named 'ANN' (ids 0 and 1)"
        },
        {
            "two characters with one id",
            Fixtures.Work(Fixtures.Scene(("{\"id\": 1, \"name\": \"Bo\"", "{\"id\": 0, \"name\": \"Bo\""))),
            "bad.json: scene '0' (scene 1 in the file) has two characters with the id 0 (Ann and Bo)"
        },
        {
            "text given as a list",
            Fixtures.Work(Fixtures.Scene(("\"states\": \"Cross\"", "\"states\": [\"Cross\", \"Hot\"]"))),
            "bad.json: scene '0' (scene 1 in the file), character 1: 'states' should be text, not a list; write it as a JSON string"
        },
        {
            "half a character",
            Fixtures.Work(Fixtures.Scene(("Hens scatter.", "Hens \\ud800scatter."))),
            "bad.json: scene '0' (scene 1 in the file): 'description' holds a \\u escape that is half of a character"
        },
        {
            "a scene that is not an object",
            "{\"title\": \"T\", \"scenes\": [42]}",
            "bad.json: scenes[0] (scene 1 in the file) should be an object"
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_is_refused_with_a_message_that_says_where_and_what_to_do(string kind, string json, string message)
    {
        var e = Assert.Throws<CharacterBoxImportException>(() => CharacterBoxImporter.Import(json, "bad.json"));

        Assert.True(e.Message.StartsWith(message, StringComparison.Ordinal), $"{kind}: {e.Message}");
        Assert.IsAssignableFrom<TaleForgeException>(e);
    }

    [Fact]
    public void A_json_syntax_error_gives_line_and_column_in_characters_and_the_reader_s_reason()
    {
        var json = "{\"title\": \"渡口\",\n \"scenes\": [}\n";

        var e = Assert.Throws<CharacterBoxImportException>(() => CharacterBoxImporter.Import(json, "zh.json"));

        Assert.Equal(2, e.Line);
        Assert.Equal(13, e.Column);
        Assert.Equal("zh.json:2:13: the file is not valid JSON: '}' is an invalid start of a value. Fix it at this line and column and import again.", e.Message);
    }

    [Fact]
    public void A_scene_that_is_not_in_the_file_is_refused_with_the_ids_there_are()
    {
        var e = Assert.Throws<CharacterBoxImportException>(() => Fixtures.ImportEnglish(scene: "9"));

        Assert.Equal($"{Fixtures.English}: there is no scene '9'; the scene ids are: 0, 1", e.Message);
    }

    [Fact]
    public void A_missing_file_a_folder_and_a_file_that_is_not_utf8_are_refused_by_name()
    {
        using var folder = new TemporaryFolder();
        var missing = Path.Combine(folder.Path, "missing.json");
        var latin1 = folder.Write("latin1.json", [(byte)'{', (byte)'"', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        Assert.Equal($"{missing}: no such file; give the path of a CharacterBox scene file (.json)",
            Assert.Throws<CharacterBoxImportException>(() => CharacterBoxImporter.Load(missing)).Message);
        Assert.Equal($"{folder.Path}: this is a folder; give a CharacterBox scene file (.json)",
            Assert.Throws<CharacterBoxImportException>(() => CharacterBoxImporter.Load(folder.Path)).Message);
        Assert.Equal($"{latin1}: the file is not UTF-8 text; save it as UTF-8 and import again",
            Assert.Throws<CharacterBoxImportException>(() => CharacterBoxImporter.Load(latin1)).Message);
    }

    [Fact]
    public void A_file_larger_than_the_import_limit_is_refused_before_it_is_read()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(CharacterBoxImporter.MaxFileBytes + 1);
        }

        var e = Assert.Throws<CharacterBoxImportException>(() => CharacterBoxImporter.Load(path));

        Assert.Equal($"{path}: the file is larger than the 8 MiB TaleForge imports; split the work into several files", e.Message);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => CharacterBoxImporter.Import(null!, "x.json"));
        Assert.Throws<ArgumentException>(() => CharacterBoxImporter.Import("{}", " "));
        Assert.Throws<ArgumentException>(() => CharacterBoxImporter.Load(""));
    }
}
