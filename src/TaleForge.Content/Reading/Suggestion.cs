using TaleForge.Core.Rules;

namespace TaleForge.Content.Reading;

/// <summary>"Did you mean …?": the closest candidate by edit distance, when it is close enough to be a typo.</summary>
public static class Suggestion
{
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(candidates);
        var allowed = Math.Clamp(word.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>"did you mean 'x'?", or <paramref name="otherwise"/> when nothing is close.</summary>
    public static string Hint(string word, IEnumerable<string> candidates, string otherwise) =>
        Closest(word, candidates) is { } match ? $"did you mean '{match}'?" : otherwise;

    /// <summary>Edit distance counting a swap of neighbouring letters as one edit ("naem" is one from "name").</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Words far apart in length are far apart in spelling; the table is not worth filling.
        var lengths = Math.Abs(a.Length - b.Length);
        return lengths > 3 ? lengths : EditDistance.Between(a, b);
    }
}
