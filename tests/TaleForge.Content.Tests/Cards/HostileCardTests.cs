using TaleForge.Content.Importers.Cards;

namespace TaleForge.Content.Tests.Cards;

/// <summary>Broken and hostile card files are refused with a message that names the file and what is wrong.</summary>
public sealed class HostileCardTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Refusal(string name, byte[] bytes)
    {
        var file = _folder.Write(name, bytes);
        var error = Assert.Throws<CardImportException>(() => CardWorld.Create("w", [file], "Ann"));
        Assert.StartsWith(file + ": ", error.Message, StringComparison.Ordinal);
        return error.Message[(file.Length + 2)..];
    }

    private string Refusal(string name, string text) => Refusal(name, System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_png_without_a_card_says_it_holds_no_character_card() =>
        Assert.StartsWith("is a PNG image with no character card in it", Refusal("plain.png", CardFiles.Png()), StringComparison.Ordinal);

    [Fact]
    public void A_truncated_png_chunk_names_the_chunk_and_its_offset()
    {
        var png = CardFiles.Png(("chara", CardFiles.Base64(CardFiles.V2())));

        var message = Refusal("cut.png", png[..(png.Length - 40)]);

        Assert.Matches("^the PNG is truncated: chunk '(tEXt|IDAT)' at byte [0-9]+ says it holds [0-9]+ bytes", message);
    }

    [Fact]
    public void A_png_chunk_with_a_wrong_checksum_is_called_corrupted()
    {
        var png = CardFiles.Png(("chara", CardFiles.Base64(CardFiles.V2())));
        png[40] ^= 0x20;

        Assert.Contains("fails its checksum", Refusal("flipped.png", png), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_base64_in_the_chunk_is_named() =>
        Assert.StartsWith("the PNG's 'chara' chunk is not valid base64", Refusal("b64.png", CardFiles.Png(("chara", "not base64 at all!"))), StringComparison.Ordinal);

    [Fact]
    public void Broken_json_says_where() =>
        Assert.Equal("is not valid JSON at line 2, column 8, so it cannot be read as a character card; the file may be damaged or cut off",
            Refusal("broken.json", "{\"name\": \"Mira\",\n  \"x\": }"));

    [Fact]
    public void A_card_over_20_megabytes_is_refused_before_it_is_read()
    {
        var message = Refusal("huge.json", new byte[(int)CardLimits.MaxCardBytes + 1]);

        Assert.Equal("is 20971521 bytes, more than the 20 MiB a card may be; this is not a character card", message);
    }

    [Fact]
    public void A_charx_zip_bomb_is_refused()
    {
        var bomb = CardFiles.Charx(CardFiles.Json(CardFiles.V3()), ("assets/other/zeros.bin", new byte[64 * 1024 * 1024]));

        Assert.Matches("^the CHARX entry 'assets/other/zeros.bin' inflates [0-9]+ times its size; it looks like a zip bomb", Refusal("bomb.charx", bomb));
    }

    [Fact]
    public void A_charx_entry_leaving_the_archive_is_refused() =>
        Assert.Equal("the CHARX entry '../../evil.sh' has a path that leaves the archive; the file is refused as unsafe",
            Refusal("escape.charx", CardFiles.Charx(CardFiles.Json(CardFiles.V3()), ("../../evil.sh", [1, 2, 3]))));

    [Fact]
    public void A_charx_without_card_json_holds_no_card() =>
        Assert.StartsWith("the CHARX archive has no card.json", Refusal("empty.charx", CardFiles.Charx(null, ("readme.txt", [65]))), StringComparison.Ordinal);

    [Fact]
    public void A_lorebook_given_as_a_card_says_how_to_import_it() =>
        Assert.Equal("is a lorebook, not a character card; import it with 'taleforge import lorebook FILE --into WORLD'",
            Refusal("book.json", CardFiles.Json(CardFiles.WorldInfo())));

    [Fact]
    public void Json_that_is_not_a_character_is_refused()
    {
        Assert.Equal("is not a character card: 'name' is missing or empty, and every character needs a name", Refusal("thing.json", "{\"title\": \"A menu\"}"));
        Assert.Equal("is not a character card: the JSON is a list, not an object", Refusal("list.json", "[1, 2]"));
        Assert.Equal("is not a character card: its spec is 'chara_card_v9', not chara_card_v2 or chara_card_v3", Refusal("v9.json", "{\"spec\": \"chara_card_v9\", \"data\": {}}"));
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named()
    {
        var card = CardFiles.V2();
        card["data"]!["alternate_greetings"] = new System.Text.Json.Nodes.JsonArray("hi", 3);

        Assert.Equal("'data.alternate_greetings[1]' should be text, but it is a number; fix the card in the tool that made it", Refusal("typed.json", CardFiles.Json(card)));
    }

    [Fact]
    public void Binary_that_is_no_known_container_is_refused() =>
        Assert.StartsWith("is neither a PNG, a CHARX archive nor UTF-8 JSON text", Refusal("noise.bin", [0xFF, 0xFE, 0x00, 0xC3, 0x28]), StringComparison.Ordinal);
}
