using TaleForge.Content.Importers.CharacterBox;

namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>World ids of CharacterBox works: one per source file, the same for every import of that file.</summary>
public class CharacterBoxWorkIdTests
{
    private const string SceneJson = """{"id": 0, "characters": [{"id": 0, "name": "贾宝玉", "gender": "男"}]}""";

    private static string Work(string title) => $$"""{"title": "{{title}}", "scenes": [{{SceneJson}}]}""";

    [Fact]
    public void Two_files_of_works_with_the_same_chinese_title_get_different_ids()
    {
        var first = CharacterBoxImporter.Import(Work("红楼梦"), "红楼梦.json");
        var second = CharacterBoxImporter.Import(Work("红楼梦"), "红楼梦-庚辰本.json");

        Assert.Equal("characterbox-cee0922e", first.Info.Id);
        Assert.StartsWith("characterbox-", second.Info.Id, StringComparison.Ordinal);
        Assert.NotEqual(first.Info.Id, second.Info.Id);
    }

    [Fact]
    public void Works_with_similar_chinese_titles_in_files_of_one_name_get_different_ids()
    {
        var first = CharacterBoxImporter.Import(Work("红楼梦"), "work.json");
        var second = CharacterBoxImporter.Import(Work("红楼梦 续"), "work.json");

        Assert.Matches("^work-[0-9a-f]{8}$", first.Info.Id);
        Assert.Matches("^work-[0-9a-f]{8}$", second.Info.Id);
        Assert.NotEqual(first.Info.Id, second.Info.Id);
    }

    [Fact]
    public void Every_import_of_one_file_shares_the_id_wherever_the_file_lies()
    {
        var whole = CharacterBoxImporter.Import(Work("红楼梦"), "/data/红楼梦.json");
        var scene = CharacterBoxImporter.Import(Work("红楼梦"), "/elsewhere/红楼梦.json", "0");

        Assert.Equal(whole.Info.Id, scene.Info.Id);
    }

    [Fact]
    public void A_one_scene_import_gives_the_characters_the_ids_they_have_in_the_whole_work()
    {
        var whole = Fixtures.ImportEnglish();
        var second = Fixtures.ImportEnglish("1");

        Assert.Equal(["mara-quill", "tobias-venn", "ren-okafor"], whole.Characters.Select(c => c.Id));
        Assert.Equal(["ren-okafor", "mara-quill"], second.Characters.Select(c => c.Id));
        Assert.Equal(whole.Scenes[1].Id, second.Scenes.Single().Id);
    }
}
