using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;

namespace TaleForge.Content.Lint;

/// <summary>An item starts in exactly one place: lying in one location, or carried by one character.</summary>
internal static class PlacementRules
{
    public static void Check(LintContext c)
    {
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);

        void Place(string item, SourcePath path, string where)
        {
            if (!c.Ids["item"].Contains(item))
            {
                return;
            }
            if (placed.TryGetValue(item, out var first))
            {
                c.Error(path, DiagnosticCodes.ItemInTwoPlaces,
                    $"the item '{item}' starts in two places: {first} and {where}",
                    "an item is one thing in one place; remove one of the two, or define a second item");
                return;
            }
            placed.Add(item, where);
        }

        foreach (var (location, path) in LintContext.WithPaths(c.World.Locations, "location", l => l.Id))
        {
            for (var i = 0; i < location.Items.Length; i++)
            {
                Place(location.Items[i], path.Field("items").Index(i), $"location '{location.Id}'");
            }
        }
        foreach (var (character, path) in LintContext.WithPaths(c.World.Characters, "character", x => x.Id))
        {
            for (var i = 0; i < character.Start.Inventory.Length; i++)
            {
                Place(character.Start.Inventory[i], path.Field("start").Field("inventory").Index(i), $"the inventory of '{character.Id}'");
            }
        }

        foreach (var (item, path) in LintContext.WithPaths(c.World.Items, "item", i => i.Id))
        {
            if (!placed.ContainsKey(item.Id))
            {
                c.Warning(path, DiagnosticCodes.UnusedItem,
                    $"the item '{item.Id}' is never placed: no location holds it and no character carries it",
                    "list it under a location's 'items' or a character's 'start: inventory', or remove it");
            }
        }
    }
}
