using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests.CharacterBox;

/// <summary>Every field of the two fixture works, as the importer maps it.</summary>
public class CharacterBoxMappingTests
{
    [Fact]
    public void The_world_takes_an_ascii_id_with_a_hash_of_title_and_file_and_a_readable_title_from_the_work_and_keeps_the_source_title()
    {
        var info = Fixtures.ImportEnglish().Info;

        Assert.Equal("salt-and-lanterns-609e8cdc", info.Id);
        Assert.Equal("Salt and Lanterns", info.Title);
        Assert.Equal("en", info.Language);
        Assert.Equal("Salt_and_Lanterns", Fixtures.Text(info.Extensions, "characterbox", "title"));
        Assert.Equal("salt-and-lanterns.json", Fixtures.Text(info.Extensions, "characterbox", "source"));
    }

    [Fact]
    public void The_premise_is_the_first_scene_s_event_and_description_and_play_starts_with_the_first_scene()
    {
        var info = Fixtures.ImportEnglish().Info;

        Assert.Equal(
            "The Harbour Master's Missing Ledger: Rain drums on the slate roof. A single oil lamp lights a desk buried in shipping manifests, and the iron strongbox in the corner stands open and empty.",
            info.Premise);
        Assert.Equal("scene-0", info.StartScene);
    }

    [Fact]
    public void Each_scene_gets_a_location_named_by_its_location_text_and_described_by_its_description_without_exits()
    {
        var world = Fixtures.ImportEnglish();

        Assert.Equal(["scene-0", "scene-1"], world.Locations.Select(l => l.Id));
        Assert.Equal("The harbour master's office above the fish market in Port Wren", world.Location("scene-0").Name);
        Assert.Equal("The end of the stone breakwater, beside the harbour light", world.Location("scene-1").Name);
        Assert.StartsWith("Wind off the sea tugs at coats.", world.Location("scene-1").Description);
        Assert.All(world.Locations, l => Assert.Empty(l.Exits));
    }

    [Fact]
    public void Characters_are_unified_across_scenes_by_name_in_order_of_first_appearance()
    {
        var world = Fixtures.ImportEnglish();

        Assert.Equal(["mara-quill", "tobias-venn", "ren-okafor"], world.Characters.Select(c => c.Id));
        Assert.Equal(["Mara Quill", "Tobias Venn", "Ren Okafor"], world.Characters.Select(c => c.Name));
    }

    [Fact]
    public void A_character_is_described_and_placed_as_the_first_scene_that_shows_them()
    {
        var world = Fixtures.ImportEnglish();
        var mara = world.Character("mara-quill");
        var ren = world.Character("ren-okafor");

        Assert.StartsWith("The harbour master of Port Wren, sharp-eyed and stubborn", mara.Description);
        Assert.Equal("scene-0", mara.Start.Location);
        Assert.Equal("Standing behind her desk, one hand on the lid of the open strongbox", mara.Start.Position);
        Assert.Equal("Tired and furious, her sleeves still damp from the rain", mara.Start.State);
        Assert.Equal("calm", mara.Start.Emotion);
        Assert.Equal("scene-1", ren.Start.Location);
        Assert.Equal("Half hidden in the shadow of the lamp housing", ren.Start.Position);
        Assert.Equal("Nervous but resolved, clutching a bundle wrapped in oilcloth", ren.Start.State);
    }

    [Fact]
    public void Pronouns_follow_gender_where_it_is_clear_and_are_they_them_otherwise()
    {
        var world = Fixtures.ImportEnglish();

        Assert.Equal("she/her", world.Character("mara-quill").Pronouns);
        Assert.Equal("he/him", world.Character("tobias-venn").Pronouns);
        Assert.Equal("they/them", world.Character("ren-okafor").Pronouns);
    }

    [Fact]
    public void The_first_character_of_the_first_scene_is_the_only_one_a_player_may_take()
    {
        var world = Fixtures.ImportEnglish();

        Assert.Equal(["mara-quill"], world.Characters.Where(c => c.Player).Select(c => c.Id));
    }

    [Fact]
    public void Scenes_keep_their_event_time_and_description_and_are_staged_at_their_own_location()
    {
        var scene = Fixtures.ImportEnglish().Scene("scene-1");

        Assert.Equal("A Meeting on the Breakwater", scene.Title);
        Assert.Equal("A Meeting on the Breakwater", scene.Event);
        Assert.Equal("Just before midnight", scene.Time);
        Assert.Equal("scene-1", scene.Location);
        Assert.StartsWith("Wind off the sea tugs at coats.", scene.Description);
    }

    [Fact]
    public void Participants_follow_the_scene_s_character_ids()
    {
        var world = Fixtures.ImportEnglish();

        Assert.Equal(["mara-quill", "tobias-venn"], world.Scene("scene-0").Participants.AsEnumerable());
        Assert.Equal(["ren-okafor", "mara-quill"], world.Scene("scene-1").Participants.AsEnumerable());
    }

    [Fact]
    public void Seed_actions_become_opening_beats_with_actor_action_and_the_line_without_its_quotation_marks()
    {
        var opening = Fixtures.ImportEnglish().Scene("scene-0").Opening;

        Assert.Equal(2, opening.Length);
        Assert.Equal("mara-quill", opening[0].Actor);
        Assert.Equal("Mara slams the strongbox shut and turns to face the doorway.", opening[0].Action);
        Assert.Equal("The fleet ledger was in this box at sundown, Tobias. Now it isn't. You were the last man up these stairs.", opening[0].Dialogue);
        Assert.Equal("tobias-venn", opening[1].Actor);
        Assert.Equal("Tobias raises both hands, the cane hooked over one wrist.", opening[1].Action);
    }

    [Fact]
    public void Scenes_gather_their_cast_run_three_rounds_and_chain_in_file_order_to_an_ending()
    {
        var world = Fixtures.ImportEnglish();

        Assert.All(world.Scenes, s => Assert.True(s.Gather));
        Assert.All(world.Scenes, s => Assert.Equal(3, s.End.MaxRounds));
        Assert.All(world.Scenes, s => Assert.Null(s.End.When));
        Assert.All(world.Scenes, s => Assert.Equal(TurnOrder.Reactive, s.TurnOrder));
        Assert.Equal(["scene-1"], world.Scene("scene-0").Transitions.Select(t => t.To));
        Assert.Null(world.Scene("scene-0").Transitions[0].When);
        Assert.Empty(world.Scene("scene-1").Transitions);
    }

    [Fact]
    public void Plot_chunk_original_ids_and_each_scene_s_view_of_its_characters_are_kept_under_extensions()
    {
        var scene = Fixtures.ImportEnglish().Scene("scene-1");
        var data = scene.Extensions;

        Assert.Equal(["characterbox"], data.Select(e => e.Key));
        Assert.Equal("1", Fixtures.Text(data, "characterbox", "id"));
        Assert.StartsWith("The lamplighter meets the harbour master", Fixtures.Text(data, "characterbox", "plot"));
        Assert.Equal("1", Fixtures.Text(data, "characterbox", "chunk", "id"));
        Assert.StartsWith("From the top of the light tower", Fixtures.Text(data, "characterbox", "chunk", "text"));
        var characters = Fixtures.Items(data, "characterbox", "characters").Cast<Extensions>().ToList();
        Assert.Equal(["0", "1"], characters.Select(c => c.Get("id")));
        Assert.Equal(["Ren Okafor", "Mara Quill"], characters.Select(c => c.Get("name")));
        Assert.Equal(["Non-binary", "Female"], characters.Select(c => c.Get("gender")));
        Assert.Equal("At the foot of the light tower, lantern in hand", characters[1].Get("position"));
        Assert.Equal("Soaked through and impatient", characters[1].Get("states"));
        Assert.Equal("The harbour master of Port Wren, out of breath from the long walk along the breakwater.", characters[1].Get("description"));
        var actions = Fixtures.Items(data, "characterbox", "actions").Cast<Extensions>().ToList();
        Assert.Equal(["0", "1"], actions.Select(a => a.Get("action_id")));
        Assert.Equal(["Ren Okafor", "Mara Quill"], actions.Select(a => a.Get("character")));
        Assert.Equal(["0", "1"], actions.Select(a => a.Get("character_id")));
    }

    [Fact]
    public void A_character_keeps_its_gender_and_its_id_in_every_scene_under_extensions()
    {
        var mara = Fixtures.ImportEnglish().Character("mara-quill");

        Assert.Equal("Female", Fixtures.Text(mara.Extensions, "characterbox", "gender"));
        var appearances = Fixtures.Items(mara.Extensions, "characterbox", "appearances").Cast<Extensions>().ToList();
        Assert.Equal(["0", "1"], appearances.Select(a => a.Get("scene")));
        Assert.Equal(["0", "1"], appearances.Select(a => a.Get("id")));
    }

    [Fact]
    public void A_chinese_work_is_chinese_with_numbered_character_ids_chinese_pronouns_and_beats_matched_by_name()
    {
        var world = Fixtures.ImportChinese();

        Assert.Equal("zh", world.Info.Language);
        Assert.Equal("dukou-yehua-fba7277d", world.Info.Id);
        Assert.Equal("渡口夜话", world.Info.Title);
        Assert.Equal("雾夜渡河：河面起了浓雾，渡船拴在木桩上轻轻摇晃，岸边一盏马灯忽明忽暗。", world.Info.Premise);
        Assert.Equal(["character-1", "character-2"], world.Characters.Select(c => c.Id));
        Assert.Equal(["周伯", "林小满"], world.Characters.Select(c => c.Name));
        Assert.Equal(["他", "她"], world.Characters.Select(c => c.Pronouns));
        Assert.True(world.Character("character-1").Player);
        Assert.Equal("青石镇外的老渡口", world.Location("scene-0").Name);
        var opening = world.Scene("scene-0").Opening;
        Assert.Equal(["character-2", "character-1"], opening.Select(b => b.Actor));
        Assert.Equal("老人家，今夜无论如何也要过河，家母病重，等不到天亮了。", opening[0].Dialogue);
        Assert.Empty(world.Scene("scene-0").Transitions);
    }

    [Fact]
    public void Importing_one_scene_makes_a_world_of_that_scene_its_cast_and_its_premise()
    {
        var world = Fixtures.ImportEnglish(scene: "1");

        Assert.Equal(["scene-1"], world.Scenes.Select(s => s.Id));
        Assert.Equal(["scene-1"], world.Locations.Select(l => l.Id));
        Assert.Equal(["ren-okafor", "mara-quill"], world.Characters.Select(c => c.Id));
        Assert.Equal(["ren-okafor"], world.Characters.Where(c => c.Player).Select(c => c.Id));
        Assert.Equal("scene-1", world.Info.StartScene);
        Assert.StartsWith("A Meeting on the Breakwater: ", world.Info.Premise);
        Assert.Empty(world.Scenes[0].Transitions);
        Assert.Equal("At the foot of the light tower, lantern in hand", world.Character("mara-quill").Start.Position);
    }

    [Fact]
    public void A_scene_may_be_chosen_by_the_id_it_gets_in_the_world_as_well()
    {
        var world = Fixtures.ImportEnglish(scene: "scene-0");

        Assert.Equal(["scene-0"], world.Scenes.Select(s => s.Id));
    }
}
