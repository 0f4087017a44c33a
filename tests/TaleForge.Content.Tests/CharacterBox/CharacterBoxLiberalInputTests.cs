using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Content.Writing;

namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>What the importer accepts beyond the letter of CharacterBox's format, and how it reads it.</summary>
public class CharacterBoxLiberalInputTests
{
    [Fact]
    public void Ids_written_as_text_missing_optional_fields_nulls_and_unknown_fields_are_accepted()
    {
        var json = """
            {"title": "Odd Ids", "publisher": "ignored", "scenes": [
              {"id": "harbour", "event": null, "extra": [1, 2],
               "characters": [{"id": "a", "name": "Ann"}, {"id": "b", "name": "Bo", "gender": null, "mood": "ignored"}],
               "actions": [{"character": "Bo", "action": "Bo waves."}]}
            ]}
            """;

        var world = CharacterBoxImporter.Import(json, "odd.json");

        var scene = Assert.Single(world.Scenes);
        Assert.Equal("harbour", scene.Id);
        Assert.Equal("scene-harbour", scene.Location);
        Assert.Equal("", scene.Event);
        Assert.Equal(["ann", "bo"], scene.Participants.AsEnumerable());
        Assert.Equal("bo", Assert.Single(scene.Opening).Actor);
        Assert.Null(scene.Opening[0].Dialogue);
        Assert.Equal("Scene harbour", world.Location("scene-harbour").Name);
        Assert.All(world.Characters, c => Assert.Equal("they/them", c.Pronouns));
        Assert.Null(Fixtures.At(world.Character("bo").Extensions, "characterbox", "gender"));
        Assert.Equal("", world.Info.Premise);
    }

    [Fact]
    public void Missing_ids_are_the_index_in_the_list_as_in_CharacterBox_s_own_loader()
    {
        var json = """{"title": "T", "scenes": [{"characters": [{"name": "Ann"}, {"name": "Bo"}], "actions": [{"character_id": 1, "action": "Bo nods."}]}]}""";

        var world = CharacterBoxImporter.Import(json, "t.json");

        Assert.Equal("scene-0", world.Scenes[0].Id);
        Assert.Equal("0", Fixtures.Text(world.Scenes[0].Extensions, "characterbox", "id"));
        Assert.Equal("bo", world.Scenes[0].Opening[0].Actor);
    }

    [Fact]
    public void An_action_s_actor_is_found_by_name_ignoring_case_and_spacing_and_by_id_when_the_name_is_missing()
    {
        var json = Fixtures.Work(Fixtures.Scene(
            ("\"character\": \"Ann\", \"character_id\": 0", "\"character\": \" ann \", \"character_id\": 0"),
            ("\"character\": \"Bo\", \"character_id\": 1", "\"character_id\": 1")));

        var opening = CharacterBoxImporter.Import(json, "t.json").Scenes[0].Opening;

        Assert.Equal(["ann", "bo"], opening.Select(b => b.Actor));
    }

    [Fact]
    public void Participants_are_ordered_by_numeric_id_whatever_the_order_of_the_list()
    {
        var json = Fixtures.Work("""
            {"id": 0, "characters": [{"id": 10, "name": "Ten"}, {"id": 2, "name": "Two"}, {"id": "1", "name": "One"}]}
            """);

        var world = CharacterBoxImporter.Import(json, "t.json");

        Assert.Equal(["one", "two", "ten"], world.Scenes[0].Participants.AsEnumerable());
        Assert.True(world.Character("one").Player);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("none")]
    [InlineData("")]
    [InlineData("无")]
    [InlineData("“”")]
    public void A_dialogue_that_stands_for_silence_gives_a_beat_without_a_line(string dialogue)
    {
        var json = Fixtures.Work(Fixtures.Scene(("\"dialogue\": \"Yours again.\"", $"\"dialogue\": \"{dialogue}\"")));

        Assert.Null(CharacterBoxImporter.Import(json, "t.json").Scenes[0].Opening[0].Dialogue);
    }

    [Fact]
    public void A_line_without_an_action_gets_a_plain_one_and_an_action_with_neither_is_left_to_the_extensions()
    {
        var json = Fixtures.Work(Fixtures.Scene(
            ("\"action\": \"Ann points at the hens.\", ", ""),
            ("\"action\": \"Bo shrugs.\", ", "")));

        var scene = CharacterBoxImporter.Import(json, "t.json").Scenes[0];

        var beat = Assert.Single(scene.Opening);
        Assert.Equal("Ann speaks.", beat.Action);
        Assert.Equal("Yours again.", beat.Dialogue);
        Assert.Equal(2, Fixtures.Items(scene.Extensions, "characterbox", "actions").Length);
    }

    [Fact]
    public void A_bare_list_of_scenes_is_a_work_titled_by_its_file_name()
    {
        var json = $"[{Fixtures.Scene()}]";

        var world = CharacterBoxImporter.Import(json, "/data/The_Yard.json");

        Assert.Equal("the-yard-6068a477", world.Info.Id);
        Assert.Equal("The Yard", world.Info.Title);
        Assert.Equal("The_Yard.json", Fixtures.Text(world.Info.Extensions, "characterbox", "source"));
    }

    [Fact]
    public void A_work_whose_title_and_file_name_have_nothing_latin_is_called_characterbox_and_the_hash_of_both()
    {
        var json = """{"title": "红楼梦", "scenes": [{"id": 0, "characters": [{"id": 0, "name": "贾宝玉", "gender": "男"}]}]}""";

        var world = CharacterBoxImporter.Import(json, "红楼梦.json");

        Assert.Equal("characterbox-cee0922e", world.Info.Id);
        Assert.Equal("红楼梦", world.Info.Title);
        Assert.Equal("zh", world.Info.Language);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_tolerated()
    {
        var json = """
            // exported by hand
            {"title": "T", "scenes": [{"id": 0, "characters": [{"id": 0, "name": "Ann",},],},],}
            """;

        Assert.Equal("ann", CharacterBoxImporter.Import(json, "t.json").Characters[0].Id);
    }

    [Fact]
    public void Names_and_scene_ids_that_make_the_same_ascii_id_get_numbered_ids()
    {
        var json = """
            {"title": "T", "scenes": [
              {"id": "Dock", "characters": [{"id": 0, "name": "Ann Lee"}, {"id": 1, "name": "Ann-Lee"}]},
              {"id": "dock", "characters": [{"id": 0, "name": "ann lee"}]}
            ]}
            """;

        var world = CharacterBoxImporter.Import(json, "t.json");

        Assert.Equal(["ann-lee", "ann-lee-2"], world.Characters.Select(c => c.Id));
        Assert.Equal(["dock", "dock-2"], world.Scenes.Select(s => s.Id));
        Assert.Equal(["scene-dock", "scene-dock-2"], world.Locations.Select(l => l.Id));
        Assert.Equal(["ann-lee"], world.Scenes[1].Participants.AsEnumerable());
    }

    [Fact]
    public void A_stray_chinese_word_in_an_english_work_leaves_it_english()
    {
        var json = Fixtures.Work(Fixtures.Scene(("\"states\": \"Cross\"", "\"states\": \"Cross, with a hint of紧张 in her voice\"")));

        Assert.Equal("en", CharacterBoxImporter.Import(json, "t.json").Info.Language);
    }

    [Fact]
    public void Control_characters_and_carriage_returns_in_the_text_are_cleaned_so_the_world_loads()
    {
        var json = Fixtures.Work(Fixtures.Scene(("Hens scatter.", "Hens\\u0007 scatter.\\r\\nDust\\u2028rises.")));

        var world = CharacterBoxImporter.Import(json, "t.json");

        Assert.Equal("Hens scatter.\nDust\nrises.", world.Scenes[0].Description);
        Expect.Clean(WorldLoader.Load(WorldWriter.ToFiles(world)));
    }

    [Fact]
    public void A_file_saved_as_utf16_with_a_byte_order_mark_is_read()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "utf16.json");
        File.WriteAllText(path, File.ReadAllText(Fixtures.Chinese), System.Text.Encoding.Unicode);

        Assert.Equal("周伯", CharacterBoxImporter.Load(path).Characters[0].Name);
    }
}
