using System.Text.Json.Nodes;
using TaleForge.Content.Comparison;
using TaleForge.Content.Exporters;
using TaleForge.Content.Importers.Cards;
using TaleForge.Content.Importers.Lorebooks;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Tests.Cards;

/// <summary>Character books and SillyTavern World Info become lore entries with their matching rules, and go back out.</summary>
public sealed class LorebookImportTests : IDisposable
{
    private static readonly Placeholders Names = new("Mira", "Ann");
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_character_book_maps_keys_secondary_logic_constant_order_and_probability()
    {
        var book = LorebookReader.FromCharacterBook(CardFiles.Book(), "mira.json", Names, []);

        Assert.Equal(["lamp", "coast", "gulls"], book.Entries.Select(e => e.Id));
        var lamp = book.Entries[0];
        Assert.Equal([new LoreKey("lamp", false), new LoreKey("light ?house", true)], lamp.Keys.ToArray());
        Assert.Equal(["oil", "wick"], lamp.SecondaryKeys.Select(k => k.Pattern));
        Assert.Equal((LoreLogic.AndAny, 100, 100), (lamp.Logic, lamp.Priority, lamp.Probability));
        Assert.True(book.Entries[1].Always);
        var gulls = book.Entries[2];
        Assert.Equal((LoreLogic.NotAny, 50), (gulls.Logic, gulls.Probability));
        Assert.Equal("The gulls are named after Ann's ancestors.", gulls.Text);
        Assert.Equal(new LoreSettings { ScanDepth = 4, TokenBudget = 400, RecursionDepth = LorebookReader.RecursionDepth }, book.Settings);
    }

    [Fact]
    public void What_the_engine_cannot_honour_is_kept_and_said_once()
    {
        var book = LorebookReader.FromCharacterBook(CardFiles.Book(), "mira.json", Names, []);

        Assert.Equal(["kept under extensions but not used by TaleForge's lore: decorators, group, position, sticky"], book.Notes.ToArray());
        var kept = (Extensions)book.Entries[2].Extensions.Get("lorebook")!;
        Assert.Equal("@@depth 4", ((System.Collections.Immutable.ImmutableArray<object?>)kept.Get("decorators")!).Single());
        Assert.Equal("2", ((Extensions)kept.Get("extensions")!).Get("sticky"));
    }

    [Fact]
    public void A_world_info_file_maps_its_own_spelling()
    {
        var file = _folder.Write("harbour.json", CardFiles.WorldInfo().ToJsonString());

        var book = LorebookReader.ReadFile(file, Names, []);

        var harbour = book.Entries[0];
        Assert.Equal("harbour-at-night", harbour.Id);
        Assert.Equal([new LoreKey("harbour", false, caseSensitive: true, wholeWords: false), new LoreKey("docks?", true, caseSensitive: true, wholeWords: false)], harbour.Keys.ToArray());
        Assert.Equal((LoreLogic.AndAll, 75, 3, 200, true), (harbour.Logic, harbour.Probability, harbour.ScanDepth, harbour.Priority, harbour.Enabled));
        Assert.Equal("Ann hears bells from the harbour.", harbour.Text);
        var smugglers = book.Entries[1];
        Assert.Equal((LoreLogic.NotAny, false, 100, (int?)null), (smugglers.Logic, smugglers.Enabled, smugglers.Probability, smugglers.ScanDepth));
        Assert.Contains("cooldown", book.Notes.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void World_info_exported_and_imported_again_gives_equal_lore()
    {
        var book = LorebookReader.ReadFile(_folder.Write("in.json", CardFiles.WorldInfo().ToJsonString()), Names, []);
        var world = new WorldDefinition { Info = new WorldInfo { Id = "w", Title = "W" }, Lore = book.Entries };

        var exported = LorebookExporter.ToWorldInfo(world);
        var again = LorebookReader.ReadFile(_folder.Write("out.json", exported.ToJsonString()), Names, []);

        Assert.Equal(["0", "7"], exported["entries"]!.AsObject().Select(p => p.Key));
        Assert.True(exported["entries"]!["7"]!["disable"]!.GetValue<bool>());
        Assert.Equal(4, exported["entries"]!["0"]!["position"]!.GetValue<int>());
        Assert.Null(WorldComparison.FirstDifference(world, world with { Lore = again.Entries }));
    }

    [Fact]
    public void A_character_book_exported_as_world_info_keeps_regex_keys_and_secondary_logic()
    {
        var book = LorebookReader.FromCharacterBook(CardFiles.Book(), "mira.json", Names, []);
        var world = new WorldDefinition { Info = new WorldInfo { Id = "w", Title = "W" }, Lore = book.Entries };

        var again = LorebookReader.ReadFile(_folder.Write("out.json", LorebookExporter.ToWorldInfo(world).ToJsonString()), Names, []);

        Assert.Equal(book.Entries.Select(e => (e.Keys.Length, e.SecondaryKeys.Length, e.Logic, e.Always, e.Probability, e.Text)),
            again.Entries.Select(e => (e.Keys.Length, e.SecondaryKeys.Length, e.Logic, e.Always, e.Probability, e.Text)));
        Assert.True(again.Entries[0].Keys[1].IsRegex);
    }

    [Fact]
    public void A_lorebook_v3_file_and_a_card_are_read_for_their_entries()
    {
        var v3 = _folder.Write("book.json", new JsonObject { ["spec"] = "lorebook_v3", ["data"] = CardFiles.Book() }.ToJsonString());
        var card = _folder.Write("mira.png", CardFiles.Png(("ccv3", CardFiles.Base64(CardFiles.V3()))));

        Assert.Equal(3, LorebookReader.ReadFile(v3, Names, []).Entries.Length);
        Assert.Equal(3, LorebookReader.ReadFile(card, Names, ["lamp"]).Entries.Length);
        Assert.Equal("lamp-2", LorebookReader.ReadFile(card, Names, ["lamp"]).Entries[0].Id);
    }

    [Fact]
    public void A_bad_regular_expression_key_is_kept_and_said_and_an_entry_that_can_never_fire_is_left_out()
    {
        var book = CardFiles.Book();
        book["entries"]![0]!["keys"] = new JsonArray("lamp", "/([unclosed/");
        book["entries"]![2]!["keys"] = new JsonArray();

        var read = LorebookReader.FromCharacterBook(book, "mira.json", Names, []);

        Assert.Equal(["lamp", "coast"], read.Entries.Select(e => e.Id));
        Assert.Contains("lore entry 'Lamp': /([unclosed/ is not a valid regular expression and is kept but not used", read.Notes);
        Assert.Contains("lore entry 'Gulls' has no usable key and is not constant, so it could never be included; it was left out", read.Notes);
        var exported = BookEntryMapping.ToBookEntry(read.Entries[0], 0);
        Assert.Equal(["lamp", "/([unclosed/"], exported["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public void A_file_that_is_no_lorebook_is_refused_with_its_name()
    {
        var file = _folder.Write("menu.json", "{\"dishes\": []}");

        var error = Assert.Throws<CardImportException>(() => LorebookReader.ReadFile(file, Names, []));

        Assert.Equal($"{file}: is not a lorebook: it has no 'entries' (a SillyTavern World Info file, a lorebook_v3 file or a character book)", error.Message);
    }
}
