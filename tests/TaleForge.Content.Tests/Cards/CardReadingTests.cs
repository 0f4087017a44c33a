using System.Text.Json.Nodes;
using TaleForge.Content.Importers.Cards;
using TaleForge.Content.Lint;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests.Cards;

/// <summary>Cards of every version and container become characters with their fields mapped and names resolved.</summary>
public sealed class CardReadingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (WorldDefinition World, CardWorld.Addition Added) Import(string file, byte[] bytes) =>
        CardWorld.Create("cards", [_folder.Write(file, bytes)], "Ann");

    private (WorldDefinition World, CardWorld.Addition Added) Import(string file, JsonNode card) => Import(file, System.Text.Encoding.UTF8.GetBytes(card.ToJsonString()));

    [Fact]
    public void A_v1_json_card_becomes_a_character_with_char_and_user_resolved_in_every_spelling()
    {
        var (world, added) = Import("mira.json", CardFiles.V1());

        var mira = world.Character("mira-vale");
        Assert.Equal("V1", added.Cards[0].Version);
        Assert.Equal("Mira Vale", mira.Name);
        Assert.Equal("Mira Vale keeps the lighthouse and talks to gulls.", mira.Description);
        Assert.Equal(["curious", "stubborn", "kind"], mira.Personality.Traits.ToArray());
        Assert.Equal(["Ann: Who are you?\nMira Vale: The keeper.", "Mira Vale: The lamp never sleeps."], mira.Speech.Examples.ToArray());
        Assert.Equal("A storm drives Ann into Mira Vale's lighthouse.", world.Scenes[0].Description);
        Assert.Equal(new OpeningBeat("mira-vale", "*Mira Vale looks up from the lamp.* You're soaked, Ann. Come in."), world.Scenes[0].Opening.Single());
        Assert.True(mira.Extensions.IsEmpty);
    }

    [Fact]
    public void A_new_world_has_one_place_from_the_scenario_a_player_and_a_first_scene()
    {
        var (world, _) = Import("mira.json", CardFiles.V2());

        var place = Assert.Single(world.Locations);
        Assert.Equal("A storm drives Ann into Mira Vale's lighthouse.", place.Description);
        var player = Assert.Single(world.Characters, c => c.Player);
        Assert.Equal(("Ann", place.Id), (player.Name, player.Start.Location));
        var scene = Assert.Single(world.Scenes);
        Assert.Equal((scene.Id, place.Id), (world.Info.StartScene, scene.Location));
        Assert.Equal(["player", "mira-vale"], scene.Participants.ToArray());
        Assert.Equal("Mira Vale", world.Info.Title);
        Assert.DoesNotContain(WorldLint.Check(world), d => d.Severity == Diagnostics.Severity.Error);
    }

    [Fact]
    public void Alternate_greetings_become_authored_lines_and_the_rest_is_kept_under_extensions()
    {
        var (world, _) = Import("mira.json", CardFiles.V2());

        var mira = world.Character("mira-vale");
        Assert.Equal(["*Mira Vale waves from the gallery.* Up here, Ann!", "*The lamp flares.*"], mira.Authored.Lines.Select(l => l.Action));
        Assert.Equal(["greeting-2", "greeting-3"], mira.Authored.Lines.Select(l => l.Id));
        var card = (Extensions)mira.Extensions.Get("card")!;
        Assert.Equal("You are {{char}}. {{original}}", card.Get("system_prompt"));
        Assert.Equal("Stay in character.", card.Get("post_history_instructions"));
        Assert.Equal("Made for tests.", card.Get("creator_notes"));
        Assert.Equal(["lighthouse", "1984"], ((System.Collections.Immutable.ImmutableArray<object?>)card.Get("tags")!).Cast<string>());
        var own = (Extensions)card.Get("extensions")!;
        Assert.Equal(["talkativeness", "fav", "depth_prompt"], own.Select(e => e.Key));
        Assert.Equal("4", ((Extensions)own.Get("depth_prompt")!).Get("depth"));
    }

    [Fact]
    public void A_png_card_is_read_from_its_chara_chunk()
    {
        var (world, added) = Import("mira.png", CardFiles.Png(("chara", CardFiles.Base64(CardFiles.V2()))));

        Assert.Equal((CardContainer.Png, "V2"), (added.Cards[0].Container, added.Cards[0].Version));
        Assert.Equal("Mira Vale", world.Character("mira-vale").Name);
    }

    [Fact]
    public void When_a_png_has_both_chunks_the_ccv3_card_wins()
    {
        var png = CardFiles.Png(("chara", CardFiles.Base64(CardFiles.V2("Old Name"))), ("ccv3", CardFiles.Base64(CardFiles.V3("New Name"))));

        var (world, added) = Import("both.png", png);

        Assert.Equal("V3", added.Cards[0].Version);
        Assert.Equal("New Name", world.Characters[1].Name);
    }

    [Fact]
    public void A_v3_charx_card_is_read_from_its_card_json_and_its_nickname_stands_for_char()
    {
        var charx = CardFiles.Charx(CardFiles.Json(CardFiles.V3()), ("assets/icon/images/main.png", CardFiles.Png()));

        var (world, added) = Import("mira.charx", charx);

        Assert.Equal((CardContainer.Charx, "V3"), (added.Cards[0].Container, added.Cards[0].Version));
        Assert.Equal("Mira keeps the lighthouse and talks to gulls.", world.Character("mira-vale").Description);
        var card = (Extensions)world.Character("mira-vale").Extensions.Get("card")!;
        Assert.Equal("1700000000", card.Get("creation_date"));
        Assert.Equal("Mira", card.Get("nickname"));
    }

    [Fact]
    public void Several_cards_make_one_world_with_a_scene_each_played_in_turn()
    {
        var first = _folder.Write("a.json", CardFiles.Json(CardFiles.V1("Mira Vale")));
        var second = _folder.Write("b.json", CardFiles.Json(CardFiles.V2("Mira Vale")));

        var (world, _) = CardWorld.Create("pair", [first, second], "Ann");

        Assert.Equal(["player", "mira-vale", "mira-vale-2"], world.Characters.Select(c => c.Id));
        Assert.Equal(["meeting-mira-vale", "meeting-mira-vale-2"], world.Scenes.Select(s => s.Id));
        Assert.Equal("meeting-mira-vale-2", world.Scenes[0].Transitions.Single().To);
    }

    [Fact]
    public void Cards_added_to_an_existing_world_stand_at_its_starting_place_and_speak_to_its_player()
    {
        var world = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, "tea-house-rain"));
        var file = _folder.Write("mira.json", CardFiles.Json(CardFiles.V1()));

        var added = CardWorld.AddTo(world, [file]);

        var player = world.Characters.First(c => c.Player);
        var start = world.Scene(world.Info.StartScene);
        Assert.Equal(start.Location, added.Characters.Single().Start.Location);
        Assert.Contains(player.Name, added.Scenes.Single().Description, StringComparison.Ordinal);
        Assert.Equal([player.Id, "mira-vale"], added.Scenes.Single().Participants.ToArray());
    }
}
