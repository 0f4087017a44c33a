using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TaleForge.Core.Rules;

/// <summary>
/// Finds a word in text the way authors expect: whole words, ignoring case, in scripts written with spaces;
/// anywhere in scripts without them (Chinese, Japanese), which have no word boundaries to respect. Used for
/// lore keys, authored reaction words and names.
/// </summary>
public static class WordMatch
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);
    private const int CacheLimit = 4096;

    public static bool Contains(string text, string word)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0)
        {
            return false;
        }
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }
        var regex = Cache.GetOrAdd(word, w => new Regex(Pattern(w), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        return regex.IsMatch(text);
    }

    /// <summary>The regular expression for a word: boundaries only at ends written in a script with spaces.</summary>
    public static string Pattern(string word)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        var before = WrittenWithSpaces(word[0]) ? @"(?<!\w)" : "";
        var after = WrittenWithSpaces(word[^1]) ? @"(?!\w)" : "";
        return before + Regex.Escape(word) + after;
    }

    // Han ideographs and kana carry no word boundaries; every other script is matched as whole words.
    private static bool WrittenWithSpaces(char c) =>
        c is not ((>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF'));
}
