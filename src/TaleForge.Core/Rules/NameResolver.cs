using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;

namespace TaleForge.Core.Rules;

/// <summary>
/// Turns what someone typed or a model wrote ("the key", "Tomas", "up", "北") into ids. Exact id, name or alias
/// first, then a unique whole-word match, always preferring what is in reach over what is elsewhere.
/// </summary>
public static class NameResolver
{
    public static string? Item(WorldState state, string text, IEnumerable<string> inReach)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reach = inReach.ToHashSet(StringComparer.Ordinal);
        return Resolve(
            text,
            state.World.Items.Select(i => (i.Id, Names: i.Aliases.Prepend(i.Name))),
            reach);
    }

    public static string? Character(WorldState state, string text, IEnumerable<string> inReach)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reach = inReach.ToHashSet(StringComparer.Ordinal);
        return Resolve(
            text,
            state.World.Characters.Select(c => (c.Id, Names: c.Aliases.Prepend(c.Name))),
            reach);
    }

    /// <summary>
    /// Every item and character in reach that <paramref name="text"/> could mean, by id: the exact matches if there
    /// are any, else those whose name or alias contains it as a word. More than one means the player must be asked.
    /// </summary>
    public static IReadOnlyList<string> Matches(WorldState state, string text, IEnumerable<string> inReach)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(inReach);
        var reach = inReach.ToHashSet(StringComparer.Ordinal);
        var wanted = Normalize(text);
        if (wanted.Length == 0)
        {
            return [];
        }
        var all = state.World.Items.Select(i => (i.Id, Names: i.Aliases.Prepend(i.Name)))
            .Concat(state.World.Characters.Select(c => (c.Id, Names: c.Aliases.Prepend(c.Name))))
            .Where(c => reach.Contains(c.Id))
            .ToList();
        var exact = all.Where(c => c.Id == text.Trim() || c.Names.Any(n => Same(n, wanted))).Select(c => c.Id).Distinct().ToList();
        return exact.Count > 0 ? exact : [.. all.Where(c => c.Names.Any(n => ContainsWord(n, wanted))).Select(c => c.Id).Distinct()];
    }

    /// <summary>
    /// The details of a location <paramref name="text"/> could mean: those it names exactly (name or alias) if any,
    /// else those with a name that contains it as a word ("rail" for the rope rail).
    /// </summary>
    public static IReadOnlyList<DetailDefinition> Details(LocationDefinition location, string text)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(text);
        var wanted = Normalize(text);
        if (wanted.Length == 0)
        {
            return [];
        }
        var exact = location.Details.Where(d => d.Names.Any(n => Same(n, wanted))).ToList();
        return exact.Count > 0 ? exact : [.. location.Details.Where(d => d.Names.Any(n => ContainsWord(n, wanted)))];
    }

    /// <summary>An exit of the location by direction (word, abbreviation or the world's language), label, or destination.</summary>
    public static ExitDefinition? Exit(WorldState state, string location, string text)
    {
        ArgumentNullException.ThrowIfNull(state);
        var exits = state.World.FindLocation(location)?.Exits ?? [];
        var wanted = Normalize(text);
        var phrases = Phrasebook.For(state.World.Info.Language);
        if (DirectionNames.TryParse(wanted, out var direction) || TryParseLocal(phrases, wanted, out direction))
        {
            return exits.FirstOrDefault(x => x.Direction == direction);
        }
        return exits.FirstOrDefault(x => Same(x.Label, wanted) || x.To == text.Trim())
            ?? exits.FirstOrDefault(x => Same(state.World.FindLocation(x.To)?.Name, wanted))
            ?? Unique(exits.Where(x => ContainsWord(x.Label, wanted) || ContainsWord(state.World.FindLocation(x.To)?.Name, wanted)));
    }

    private static bool TryParseLocal(Phrasebook phrases, string text, out Direction direction)
    {
        foreach (var candidate in Enum.GetValues<Direction>())
        {
            if (phrases.DirectionWord(candidate) == text)
            {
                direction = candidate;
                return true;
            }
        }
        direction = default;
        return false;
    }

    private static string? Resolve(string text, IEnumerable<(string Id, IEnumerable<string> Names)> candidates, HashSet<string> reach)
    {
        var wanted = Normalize(text);
        if (wanted.Length == 0)
        {
            return null;
        }
        var all = candidates.ToList();
        var exact = all.Where(c => c.Id == text.Trim() || c.Names.Any(n => Same(n, wanted))).Select(c => c.Id).ToList();
        var partial = all.Where(c => c.Names.Any(n => ContainsWord(n, wanted))).Select(c => c.Id).ToList();
        return Best(exact, reach) ?? Best(partial, reach);
    }

    // One match in reach wins; failing that, one match anywhere (so the rules can say "not here").
    private static string? Best(List<string> matches, HashSet<string> reach)
    {
        var near = matches.Where(reach.Contains).Distinct().ToList();
        if (near.Count == 1)
        {
            return near[0];
        }
        var distinct = matches.Distinct().ToList();
        return near.Count == 0 && distinct.Count == 1 ? distinct[0] : near.FirstOrDefault();
    }

    private static T? Unique<T>(IEnumerable<T> items) where T : class
    {
        var list = items.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    private static bool Same(string? name, string wanted) => name is not null && Normalize(name) == wanted;

    private static bool ContainsWord(string? name, string wanted)
    {
        if (name is null || wanted.Length == 0)
        {
            return false;
        }
        var normal = Normalize(name);
        // Chinese has no spaces between words: any substring of a name counts.
        if (wanted.Any(c => c > 0x2E80))
        {
            return normal.Contains(wanted, StringComparison.Ordinal);
        }
        return normal.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(wanted)
            || (wanted.Contains(' ', StringComparison.Ordinal) && $" {normal} ".Contains($" {wanted} ", StringComparison.Ordinal));
    }

    private static readonly string[] Articles = ["the ", "a ", "an ", "some ", "my ", "your "];

    /// <summary>Lower case, no surrounding punctuation, no leading article.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().Trim('.', ',', '!', '?', '"', '\'', '。', '，', '！', '？').ToLowerInvariant();
        foreach (var article in Articles)
        {
            if (t.StartsWith(article, StringComparison.Ordinal))
            {
                t = t[article.Length..].TrimStart();
            }
        }
        return t;
    }
}
