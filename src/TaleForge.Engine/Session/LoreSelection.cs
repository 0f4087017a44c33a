using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.Rules;
using TaleForge.Core.State;
using TaleForge.Inference.Seeds;

namespace TaleForge.Engine.Session;

/// <summary>
/// Chooses the lore one character's prompt holds: entries switched on and allowed by the story state, whose keys
/// (and secondary keys) appear in recent observations or, recursively, in lore already chosen; each then passes
/// its probability roll, and the token budget keeps the highest priorities.
/// </summary>
public static class LoreSelection
{
    public static ImmutableArray<LoreEntry> Select(WorldState state, string viewer, IReadOnlyList<string> recent, long seed, long step)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(recent);
        var settings = state.World.Info.LoreSettings;
        var candidates = state.World.Lore.Where(e => e.Enabled && (e.When is null || e.When.Holds(state, viewer))).ToList();
        var chosen = new List<LoreEntry>();

        var scanned = new Dictionary<int, string>();
        string Recent(int depth) => scanned.TryGetValue(depth, out var text)
            ? text
            : scanned[depth] = string.Join("\n", recent.Skip(Math.Max(0, recent.Count - depth)));

        var found = candidates.Where(e => e.IsActivatedBy(Recent(e.ScanDepth ?? settings.ScanDepth))).ToList();
        for (var level = 0; found.Count > 0; level++)
        {
            var passed = found.Where(e => Rolls(e, viewer, seed, step)).ToList();
            chosen.AddRange(passed);
            candidates.RemoveAll(found.Contains);
            if (level >= settings.RecursionDepth || passed.Count == 0)
            {
                break;
            }
            // Recursion reads only the newly chosen text, so each level is bounded by what the previous added.
            var added = string.Join("\n", passed.Select(e => e.Text));
            found = candidates.Where(e => !e.Always && e.IsActivatedBy(added)).ToList();
        }

        var ordered = chosen.OrderByDescending(e => e.Priority).ThenBy(e => e.Id, StringComparer.Ordinal);
        return settings.TokenBudget <= 0 ? [.. ordered] : WithinBudget(ordered, settings.TokenBudget);
    }

    /// <summary>A rough token count that needs no tokenizer: four characters of alphabetic text, one of CJK.</summary>
    public static int EstimatedTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double tokens = 0;
        foreach (var c in text)
        {
            tokens += c >= '\u2E80' ? 1 : 0.25;
        }
        return (int)Math.Ceiling(tokens);
    }

    private static ImmutableArray<LoreEntry> WithinBudget(IEnumerable<LoreEntry> ordered, int budget)
    {
        var kept = ImmutableArray.CreateBuilder<LoreEntry>();
        var used = 0;
        foreach (var entry in ordered)
        {
            var cost = EstimatedTokens(entry.Text);
            if (used + cost <= budget)
            {
                kept.Add(entry);
                used += cost;
            }
        }
        return kept.ToImmutable();
    }

    // Seeded by the episode seed, the step and who reads, so a replay includes exactly the same lore.
    private static bool Rolls(LoreEntry entry, string viewer, long seed, long step) =>
        entry.Probability >= 100
        || (entry.Probability > 0 && SeedDerivation.Derive(seed, Math.Max(0, step), $"lore:{viewer}:{entry.Id}") % 100 < entry.Probability);
}
