namespace TaleForge.Core.Rules;

/// <summary>
/// How far a typed word is from a known one, counting an inserted, deleted or changed letter, or two neighbours
/// swapped, as one edit each (the optimal string alignment distance): "exmaine" is one edit from "examine".
/// Used for "did you mean …?" over the verbs the parser knows and the names the player can see.
/// </summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The one candidate nearest to <paramref name="typed"/> within the edits a typo allows (one for short words,
    /// two from seven letters on; one for any word in a script without spaces, where a character is a word);
    /// null when none is that near, or when two are equally near.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var wanted = typed.Trim().ToLowerInvariant();
        if (wanted.Length < 2)
        {
            return null;
        }
        var allowed = wanted.Length >= 7 && !wanted.Any(c => c > 0x2E80) ? 2 : 1;
        var scored = candidates
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => (Candidate: c, Distance: Between(wanted, c.ToLowerInvariant())))
            .Where(s => s.Distance > 0 && s.Distance <= allowed)
            .OrderBy(s => s.Distance)
            .ToList();
        return scored.Count switch
        {
            0 => null,
            1 => scored[0].Candidate,
            _ when scored[0].Distance < scored[1].Distance => scored[0].Candidate,
            _ => null,
        };
    }
}
