using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace TaleForge.Core.Definitions;

/// <summary>
/// Background text put into prompts when one of its keys appears in recent play, as lorebooks and world
/// info do; <see cref="Always"/> entries are always included. Higher <see cref="Priority"/> goes first when
/// the budget is short.
/// </summary>
public sealed record LoreEntry
{
    public required string Id { get; init; }
    public ImmutableArray<LoreKey> Keys { get; init; } = [];

    /// <summary>Keys checked after a primary key matched, combined by <see cref="Logic"/>; none: no second check.</summary>
    public ImmutableArray<LoreKey> SecondaryKeys { get; init; } = [];

    public LoreLogic Logic { get; init; } = LoreLogic.AndAny;
    public required string Text { get; init; }
    public bool Always { get; init; }
    public int Priority { get; init; }

    /// <summary>A switched-off entry is kept in the world but never included.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Chance in percent (0–100) that an activated entry is included; rolled from the episode seed.</summary>
    public int Probability { get; init; } = 100;

    /// <summary>How many recent observations are scanned for its keys; null: the world's setting.</summary>
    public int? ScanDepth { get; init; }

    /// <summary>Must hold for the entry to be included at all (story state: flags, places, items).</summary>
    public Predicate? When { get; init; }

    public Extensions Extensions { get; init; } = Extensions.Empty;

    /// <summary>Whether the keys alone activate the entry in <paramref name="text"/> (no probability, state or budget).</summary>
    public bool IsActivatedBy(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enabled)
        {
            return false;
        }
        if (Always)
        {
            return true;
        }
        if (!Keys.Any(k => k.Matches(text)))
        {
            return false;
        }
        if (SecondaryKeys.IsEmpty)
        {
            return true;
        }
        return Logic switch
        {
            LoreLogic.AndAny => SecondaryKeys.Any(k => k.Matches(text)),
            LoreLogic.AndAll => SecondaryKeys.All(k => k.Matches(text)),
            LoreLogic.NotAny => !SecondaryKeys.Any(k => k.Matches(text)),
            LoreLogic.NotAll => !SecondaryKeys.All(k => k.Matches(text)),
            _ => false,
        };
    }
}

/// <summary>How secondary keys combine with a primary match, as in SillyTavern's selective entries.</summary>
public enum LoreLogic
{
    /// <summary>At least one secondary key matches too.</summary>
    AndAny,

    /// <summary>Every secondary key matches too.</summary>
    AndAll,

    /// <summary>No secondary key matches.</summary>
    NotAny,

    /// <summary>Not every secondary key matches.</summary>
    NotAll,
}

/// <summary>
/// A whole word or phrase (case-insensitive), or a regular expression written as <c>/pattern/</c>. Words in
/// scripts written without spaces (Chinese, Japanese) match anywhere, since they have no word boundaries.
/// A key may instead match case-sensitively, or anywhere inside words.
/// </summary>
public sealed record LoreKey
{
    private const int MatchBudgetMilliseconds = 100;

    public LoreKey(string pattern, bool isRegex, bool caseSensitive = false, bool wholeWords = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Pattern = pattern;
        IsRegex = isRegex;
        CaseSensitive = caseSensitive;
        WholeWords = wholeWords;
        var options = RegexOptions.CultureInvariant | (caseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase);
        var source = isRegex ? pattern : wholeWords ? Rules.WordMatch.Pattern(pattern) : Regex.Escape(pattern);
        _regex = new Regex(source, options, TimeSpan.FromMilliseconds(MatchBudgetMilliseconds));
    }

    public string Pattern { get; }
    public bool IsRegex { get; }
    public bool CaseSensitive { get; }

    /// <summary>Plain keys only: true matches whole words, false anywhere (so "cat" matches "category").</summary>
    public bool WholeWords { get; }

    private readonly Regex _regex;

    /// <summary>Reads a key as authors write it: <c>/pattern/</c> is a regular expression, anything else a word.</summary>
    public static bool TryParse(string written, out LoreKey? key, out string? error) => TryParse(written, false, true, out key, out error);

    /// <inheritdoc cref="TryParse(string, out LoreKey?, out string?)"/>
    public static bool TryParse(string written, bool caseSensitive, bool wholeWords, out LoreKey? key, out string? error)
    {
        ArgumentNullException.ThrowIfNull(written);
        var isRegex = written.Length >= 2 && written[0] == '/' && written[^1] == '/';
        var pattern = isRegex ? written[1..^1] : written;
        key = null;
        error = null;
        if (pattern.Length == 0)
        {
            error = "the key is empty";
            return false;
        }
        try
        {
            key = new LoreKey(pattern, isRegex, caseSensitive, wholeWords);
            return true;
        }
        catch (ArgumentException e)
        {
            error = e is RegexParseException parse ? $"{parse.Error} at offset {parse.Offset}" : e.Message;
            return false;
        }
    }

    /// <summary>A regex that runs away is treated as no match rather than stalling a turn.</summary>
    public bool Matches(string text)
    {
        try
        {
            return _regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override string ToString() => IsRegex ? $"/{Pattern}/" : Pattern;

    public bool Equals(LoreKey? other) =>
        other is not null && Pattern == other.Pattern && IsRegex == other.IsRegex && CaseSensitive == other.CaseSensitive && WholeWords == other.WholeWords;

    public override int GetHashCode() => HashCode.Combine(Pattern, IsRegex, CaseSensitive, WholeWords);
}
