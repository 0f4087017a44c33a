using TaleForge.Core.State;

namespace TaleForge.Engine.Memory;

/// <summary>
/// Picks the memories worth putting in a prompt, as Generative Agents does: each memory scores the sum of its
/// recency (decaying per in-game hour), its importance, and its relevance to the present situation (BM25,
/// scaled to 0-1), and the best are returned in the order they happened.
/// </summary>
public static class MemoryRetrieval
{
    /// <summary>Recency multiplier per in-game hour since the memory.</summary>
    public const double DecayPerHour = 0.99;

    public static IReadOnlyList<Observation> Recall(IReadOnlyList<Observation> memories, string situation, GameTime now, int count)
    {
        ArgumentNullException.ThrowIfNull(memories);
        ArgumentNullException.ThrowIfNull(situation);
        if (count <= 0 || memories.Count == 0)
        {
            return [];
        }
        if (memories.Count <= count)
        {
            return memories;
        }
        var index = new Bm25();
        foreach (var memory in memories)
        {
            index.Add(memory.Text);
        }
        var relevance = index.Score(situation);
        var top = relevance.Max();
        var scored = memories.Select((memory, i) =>
        {
            var hours = Math.Max(0, now.TotalMinutes - memory.Time.TotalMinutes) / 60.0;
            var recency = Math.Pow(DecayPerHour, hours);
            var relevant = top > 0 ? relevance[i] / top : 0;
            // Ties go to the later memory, so equal scores still favour the recent.
            return (memory, score: recency + memory.Importance + relevant, i);
        });
        return [.. scored.OrderByDescending(s => s.score).ThenByDescending(s => s.i).Take(count).OrderBy(s => s.i).Select(s => s.memory)];
    }

    /// <summary>Importance accumulated since the last reflection; a reflection is due past a threshold.</summary>
    public static double ImportanceSince(IReadOnlyList<Observation> memories, long step)
    {
        ArgumentNullException.ThrowIfNull(memories);
        return memories.Where(m => m.Step > step).Sum(m => m.Importance);
    }
}
