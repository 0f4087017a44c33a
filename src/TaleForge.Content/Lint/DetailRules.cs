using TaleForge.Content.Diagnostics;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Lint;

/// <summary>
/// What a location's description names should be there to examine. Finding every noun of free prose would need a
/// tagger, so the check is cheaper and narrower: the world's own vocabulary of things, the names and aliases of
/// every item and every detail anywhere in it (a name's head word in English: "rail" of "rope rail", "can" of "can
/// of paraffin"; the whole name in Chinese), is looked for in each location's description, and a word found there
/// that nothing of that place covers (a detail, an item lying or carried there at the start, a character starting
/// there, an exit's label or destination) is flagged. A noun the author never names anywhere is not noticed.
/// </summary>
internal static class DetailRules
{
    public static void Check(LintContext c)
    {
        var world = c.World;
        var vocabulary = world.Items.SelectMany(i => i.Aliases.Prepend(i.Name))
            .Concat(world.Locations.SelectMany(l => l.Details).SelectMany(d => d.Names))
            .Select(Term)
            .Where(t => t.Length >= (IsWide(t) ? 2 : 3))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var (location, path) in LintContext.WithPaths(world.Locations, "location", l => l.Id))
        {
            var covering = Covering(world, location).ToList();
            var missing = vocabulary.Where(t => Mentions(location.Description, t) && !covering.Any(name => Mentions(name, t))).ToList();
            // One word inside another ("can" in "oil can"): the longer is the one to report.
            missing = [.. missing.Where(t => !missing.Any(o => o != t && o.Contains(t, StringComparison.Ordinal)))];
            foreach (var term in missing)
            {
                c.Warning(path.Field("description"), DiagnosticCodes.DescriptionNamesNoDetail,
                    $"the description of location '{location.Id}' names \u201c{term}\u201d, but no detail, item, character or exit there is called that, so a player who examines it is told it is not there",
                    $"add a detail to '{location.Id}' (details: [{{name: {term}, text: ...}}]), or give an existing one the alias \u201c{term}\u201d");
            }
        }
    }

    /// <summary>Every name something a player could examine at this location goes by.</summary>
    private static IEnumerable<string> Covering(WorldDefinition world, LocationDefinition location)
    {
        var people = world.Characters.Where(ch => ch.Start.Location == location.Id).ToList();
        var items = location.Items.Concat(people.SelectMany(p => p.Start.Inventory))
            .Select(world.FindItem).OfType<ItemDefinition>();
        return location.Details.SelectMany(d => d.Names)
            .Concat(items.SelectMany(i => i.Aliases.Prepend(i.Name)))
            .Concat(people.SelectMany(p => p.Aliases.Prepend(p.Name)))
            .Concat(location.Exits.SelectMany(x => new[] { x.Label ?? "", world.FindLocation(x.To)?.Name ?? "" }))
            .Append(location.Name);
    }

    /// <summary>The word a name is looked for by: its head word in a spaced script, the whole name in Chinese or Japanese.</summary>
    private static string Term(string name)
    {
        var text = name.Trim().ToLowerInvariant();
        if (IsWide(text))
        {
            return text;
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var of = Array.IndexOf(words, "of");
        return of > 0 ? words[of - 1] : words.Length > 0 ? words[^1] : "";
    }

    /// <summary>The term as a whole word (or with a plural ending) in a spaced script; anywhere in a script without spaces.</summary>
    private static bool Mentions(string text, string term)
    {
        if (IsWide(term))
        {
            return text.Contains(term, StringComparison.Ordinal);
        }
        var lower = text.ToLowerInvariant();
        bool EndsWord(int at) => at >= lower.Length || !char.IsLetter(lower[at]);
        for (var at = lower.IndexOf(term, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var end = at + term.Length;
            var plural = string.CompareOrdinal(lower, end, "es", 0, 2) == 0 ? 2 : string.CompareOrdinal(lower, end, "s", 0, 1) == 0 ? 1 : 0;
            if ((at == 0 || !char.IsLetter(lower[at - 1])) && (EndsWord(end) || (plural > 0 && EndsWord(end + plural))))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsWide(string text) => text.Any(ch => ch > 0x2E80);
}
