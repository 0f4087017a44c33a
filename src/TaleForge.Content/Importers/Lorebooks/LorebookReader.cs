using System.Collections.Immutable;
using System.Text.Json.Nodes;
using TaleForge.Content.Importers.Cards;
using TaleForge.Content.Importers.CharacterBox;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.Lorebooks;

/// <summary>
/// Reads lorebooks: a card's <c>character_book</c>, a standalone <c>lorebook_v3</c> file, a bare character_book
/// and SillyTavern World Info files (<c>{"entries": {"uid": entry}}</c>). The book's scan depth, token budget and
/// recursion become the world's lore settings.
/// </summary>
public static class LorebookReader
{
    /// <summary>How deep recursion goes when a book only says it is recursive.</summary>
    public const int RecursionDepth = 3;

    public static LoreImport ReadFile(string path, Placeholders names, IEnumerable<string> takenIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (json, container) = CardFile.ReadJson(path);
        var root = CardParser.ParseObject(json, path, "a lorebook");
        var spec = BookEntryMapping.Text(root["spec"]);
        if (spec is CharacterCard.V2Spec or CharacterCard.V3Spec || container != CardContainer.Json)
        {
            var card = CardParser.Parse(json, path);
            return card.Book is { } book
                ? FromCharacterBook(book, path, names, takenIds)
                : throw new CardImportException(path, $"is the character card of {card.Name}, which has no lorebook; import it with 'taleforge import card'");
        }
        if (spec == "lorebook_v3")
        {
            return root["data"] is JsonObject data
                ? FromCharacterBook(data, path, names, takenIds)
                : throw new CardImportException(path, "is a lorebook_v3 file without a 'data' object, so it holds no entries");
        }
        return root["entries"] switch
        {
            JsonObject worldInfo => FromWorldInfo(root, worldInfo, path, names, takenIds),
            JsonArray => FromCharacterBook(root, path, names, takenIds),
            null => throw new CardImportException(path, "is not a lorebook: it has no 'entries' (a SillyTavern World Info file, a lorebook_v3 file or a character book)"),
            var other => throw CardParser.WrongType(path, "entries", "an object or a list", other),
        };
    }

    public static LoreImport FromCharacterBook(JsonObject book, string file, Placeholders names, IEnumerable<string> takenIds)
    {
        ArgumentNullException.ThrowIfNull(book);
        var entries = book["entries"] switch
        {
            null => [],
            JsonArray list => list.Select((e, i) => e as JsonObject ?? throw CardParser.WrongType(file, $"entries[{i}]", "an object", e)).ToList(),
            var other => throw CardParser.WrongType(file, "entries", "a list", other),
        };
        var info = new JsonObject();
        foreach (var key in new[] { "name", "description", "extensions" })
        {
            if (book[key] is { } value)
            {
                info[key] = value.DeepClone();
            }
        }
        var defaults = new LoreSettings();
        var settings = new LoreSettings
        {
            ScanDepth = BookEntryMapping.Int(book["scan_depth"]) is { } depth and >= 1 ? Math.Min(depth, 1000) : defaults.ScanDepth,
            TokenBudget = BookEntryMapping.Int(book["token_budget"]) is { } budget and > 0 ? budget : 0,
            RecursionDepth = BookEntryMapping.Bool(book["recursive_scanning"]) == true ? RecursionDepth : 0,
        };
        return Entries(entries, info, settings, BookEntryMapping.Text(book["name"]), names, takenIds);
    }

    private static LoreImport FromWorldInfo(JsonObject root, JsonObject worldInfo, string file, Placeholders names, IEnumerable<string> takenIds)
    {
        var entries = worldInfo.Select(p => p.Value as JsonObject ?? throw CardParser.WrongType(file, $"entries.{p.Key}", "an object", p.Value))
            .Select(WorldInfoConversion.ToBookEntry)
            .ToList();
        var info = new JsonObject();
        if (root["name"] is { } name)
        {
            info["name"] = name.DeepClone();
        }
        return Entries(entries, info, new LoreSettings(), Path.GetFileNameWithoutExtension(file), names, takenIds);
    }

    private static LoreImport Entries(List<JsonObject> entries, JsonObject info, LoreSettings settings, string bookName, Placeholders names, IEnumerable<string> takenIds)
    {
        var ids = new IdAllocator();
        foreach (var taken in takenIds)
        {
            ids.Claim(taken);
        }
        var notes = new List<string>();
        var unused = new SortedSet<string>(StringComparer.Ordinal);
        var lore = ImmutableArray.CreateBuilder<LoreEntry>();
        var prefix = AsciiId.Slug(bookName) is { Length: > 0 } slug ? slug : "lore";
        for (var i = 0; i < entries.Count; i++)
        {
            var title = BookEntryMapping.Text(entries[i]["name"]) is { Length: > 0 } n ? n : BookEntryMapping.Text(entries[i]["comment"]);
            var preferred = AsciiId.Slug(title) is { Length: > 0 } s ? s : $"{prefix}-{i + 1}";
            if (BookEntryMapping.ToLore(entries[i], preferred, names, notes, unused) is { } entry)
            {
                lore.Add(entry with { Id = ids.Claim(preferred) });
            }
        }
        if (unused.Count > 0)
        {
            notes.Add($"kept under extensions but not used by TaleForge's lore: {string.Join(", ", unused)}");
        }
        return new LoreImport
        {
            Entries = lore.ToImmutable(),
            Settings = settings,
            Book = info.Count == 0 ? Extensions.Empty : JsonExtensions.ToExtensions(info),
            Notes = [.. notes],
        };
    }
}
