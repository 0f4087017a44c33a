using System.Text;
using System.Text.Json.Nodes;
using TaleForge.Content.Comparison;
using TaleForge.Content.Exporters;
using TaleForge.Content.Importers.Cards;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests.Cards;

/// <summary>Import, export, import again: every field TaleForge keeps comes back equal, whatever the version and container.</summary>
public sealed class CardRoundTripTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string, string> Cards()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var version in new[] { "v1", "v2", "v3" })
        {
            foreach (var container in new[] { "json", "png", "charx" })
            {
                foreach (var export in new[] { "json", "png" })
                {
                    data.Add(version, container, export);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_card_imported_exported_and_imported_again_gives_an_equal_world(string version, string container, string export)
    {
        var card = version switch { "v1" => CardFiles.V1(), "v2" => CardFiles.V2(), _ => CardFiles.V3() };
        var first = Write($"in.{container}", card, container);
        var (world, _) = CardWorld.Create("mira", [first], "Ann");

        var exported = CardExporter.ToCardV3(world, "mira-vale");
        var second = export == "json"
            ? _folder.Write("out.json", exported.ToJsonString())
            : _folder.Write("out.png", PngCard.Embed(PlainPortrait.Png("Mira Vale"), CardExporter.ToCardV2(exported).ToJsonString(), exported.ToJsonString()));
        var (again, added) = CardWorld.Create("mira", [second], "Ann");

        Assert.Equal("V3", added.Cards[0].Version);
        Assert.Null(WorldComparison.FirstDifference(world, again));
    }

    [Fact]
    public void An_exported_card_is_v3_with_the_lorebook_and_every_kept_field_in_its_json_types()
    {
        var (world, _) = CardWorld.Create("mira", [Write("in.json", CardFiles.V3(), "json")], "Ann");

        var card = CardExporter.ToCardV3(world, "mira-vale");

        Assert.Equal(("chara_card_v3", "3.0"), (card["spec"]!.GetValue<string>(), card["spec_version"]!.GetValue<string>()));
        var data = card["data"]!;
        Assert.Equal("1984", data["tags"]![1]!.GetValue<string>());
        Assert.Equal("1.2", data["character_version"]!.GetValue<string>());
        Assert.Equal(1700000000, data["creation_date"]!.GetValue<long>());
        Assert.False(data["extensions"]!["fav"]!.GetValue<bool>());
        Assert.Equal("You are {{char}}. {{original}}", data["system_prompt"]!.GetValue<string>());
        var book = data["character_book"]!;
        Assert.Equal((4, 400, true), (book["scan_depth"]!.GetValue<int>(), book["token_budget"]!.GetValue<int>(), book["recursive_scanning"]!.GetValue<bool>()));
        Assert.Equal(3, book["entries"]!.AsArray().Count);
        Assert.Equal("@@depth 4\nThe gulls are named after Ann's ancestors.", book["entries"]![2]!["content"]!.GetValue<string>());
        Assert.Equal("light", book["entries"]![0]!["extensions"]!["group"]!.GetValue<string>());
    }

    [Fact]
    public void A_png_export_carries_the_card_as_chara_v2_and_ccv3_and_is_a_valid_image()
    {
        var (world, _) = CardWorld.Create("mira", [Write("in.json", CardFiles.V2(), "json")], "Ann");
        var v3 = CardExporter.ToCardV3(world, "mira-vale");

        var png = PngCard.Embed(PlainPortrait.Png("Mira Vale"), CardExporter.ToCardV2(v3).ToJsonString(), v3.ToJsonString());

        var chunks = PngChunk.ReadAll(png, "out.png");
        Assert.Equal(["IHDR", "IDAT", "tEXt", "tEXt", "IEND"], chunks.Select(c => c.Type));
        var texts = chunks.Select(c => c.AsText()).OfType<(string Keyword, string Text)>().ToDictionary(t => t.Keyword, t => JsonNode.Parse(Convert.FromBase64String(t.Text))!);
        Assert.Equal("chara_card_v2", texts["chara"]["spec"]!.GetValue<string>());
        Assert.Equal("chara_card_v3", texts["ccv3"]["spec"]!.GetValue<string>());
        Assert.Equal(texts["ccv3"]["data"]!.ToJsonString(), texts["chara"]["data"]!.ToJsonString());
    }

    [Fact]
    public void A_character_of_a_sample_world_exports_its_greeting_traits_and_examples()
    {
        var world = WorldLoader.LoadOrThrow(Path.Combine(Repository.Worlds, "greywick"));
        var beat = world.Scenes.SelectMany(s => s.Opening).First(b => world.Character(b.Actor).Speech.Examples.Length > 1);
        var character = world.Character(beat.Actor);

        var card = CardExporter.ToCardV3(world, character.Id)["data"]!;

        Assert.Equal(character.Name, card["name"]!.GetValue<string>());
        Assert.Equal(string.Join(", ", character.Personality.Traits), card["personality"]!.GetValue<string>());
        Assert.Equal(beat.Dialogue is null ? beat.Action : $"{beat.Action} \"{beat.Dialogue}\"", card["first_mes"]!.GetValue<string>());
        Assert.Equal(character.Speech.Examples.ToArray(), CardImporter.Examples(card["mes_example"]!.GetValue<string>()).ToArray());
        Assert.Equal(world.Lore.Length, card["character_book"]!["entries"]!.AsArray().Count);
    }

    [Fact]
    public void Exporting_a_character_the_world_does_not_have_names_the_ones_it_has()
    {
        var (world, _) = CardWorld.Create("mira", [Write("in.json", CardFiles.V1(), "json")], "Ann");

        var error = Assert.Throws<Core.TaleForgeException>(() => CardExporter.ToCardV3(world, "bob"));

        Assert.Equal("world 'mira' has no character 'bob'; its characters are player, mira-vale", error.Message);
    }

    private string Write(string name, JsonObject card, string container) => container switch
    {
        "json" => _folder.Write(name, card.ToJsonString()),
        "png" => _folder.Write(name, CardFiles.Png((card["spec"]?.GetValue<string>() == "chara_card_v3" ? "ccv3" : "chara", CardFiles.Base64(card)))),
        _ => _folder.Write(name, CardFiles.Charx(card.ToJsonString())),
    };
}
