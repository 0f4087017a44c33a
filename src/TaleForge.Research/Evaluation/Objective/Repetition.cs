using System.Text.RegularExpressions;

namespace TaleForge.Research.Evaluation.Objective;

/// <summary>
/// Distinct-n: the share of a character's n-grams that are different, over all its lines and actions (n-grams
/// are taken within each text, never across two). 1 means no n-gram repeats; near 0, the same words over and over.
/// Words are runs of letters and digits, lower-cased; in Chinese and Japanese each character is a word.
/// </summary>
public static partial class Repetition
{
    public static (int Total, int Distinct) NGrams(IEnumerable<string> texts, int n)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var text in texts)
        {
            var words = Words(text);
            for (var i = 0; i + n <= words.Count; i++)
            {
                total++;
                seen.Add(string.Join(' ', words.Skip(i).Take(n)));
            }
        }
        return (total, seen.Count);
    }

    /// <summary>Distinct n-grams per n-gram; null when the texts have no n-gram at all.</summary>
    public static double? Distinct(IEnumerable<string> texts, int n)
    {
        var (total, distinct) = NGrams(texts, n);
        return total == 0 ? null : (double)distinct / total;
    }

    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant())];
    }

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]|[\p{L}\p{M}\p{N}-[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]]+(?:['’][\p{L}\p{M}\p{N}-[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]]+)*")]
    private static partial Regex WordPattern();
}
