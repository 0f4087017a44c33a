using System.Text.Json.Nodes;
using TaleForge.Content.Importers.Lorebooks;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Exporters;

/// <summary>A world's lore as a card's <c>character_book</c>, or as a SillyTavern World Info file.</summary>
public static class LorebookExporter
{
    public static JsonObject ToCharacterBook(WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var book = new JsonObject();
        var info = world.Info.Extensions.Get(BookEntryMapping.ExtensionKey) as Extensions;
        if (info?.Get("name") is string name)
        {
            book["name"] = name;
        }
        if (info?.Get("description") is string description)
        {
            book["description"] = description;
        }
        var settings = world.Info.LoreSettings;
        book["scan_depth"] = settings.ScanDepth;
        book["token_budget"] = settings.TokenBudget;
        book["recursive_scanning"] = settings.RecursionDepth > 0;
        book["extensions"] = info?.Get("extensions") is Extensions extensions ? Importers.Cards.JsonExtensions.ToJson(extensions) : new JsonObject();
        book["entries"] = new JsonArray([.. world.Lore.Select(BookEntryMapping.ToBookEntry)]);
        return book;
    }

    /// <summary>SillyTavern's World Info file: <c>{"entries": {"0": {...}, ...}}</c>, uids unique.</summary>
    public static JsonObject ToWorldInfo(WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var entries = new JsonObject();
        var next = 0;
        foreach (var entry in world.Lore.Select(BookEntryMapping.ToBookEntry))
        {
            var converted = WorldInfoConversion.ToWorldInfo(entry, next);
            var uid = BookEntryMapping.Int(converted["uid"]) ?? next;
            if (entries.ContainsKey(uid.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                while (entries.ContainsKey(next.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    next++;
                }
                uid = next;
                converted["uid"] = uid;
            }
            entries[uid.ToString(System.Globalization.CultureInfo.InvariantCulture)] = converted;
            next = Math.Max(next, uid + 1);
        }
        var root = new JsonObject { ["entries"] = entries };
        if ((world.Info.Extensions.Get(BookEntryMapping.ExtensionKey) as Extensions)?.Get("name") is string name)
        {
            root["name"] = name;
        }
        return root;
    }
}
