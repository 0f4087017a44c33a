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
    public required string Text { get; init; }
    public bool Always { get; init; }
    public int Priority { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;

    public bool IsActivatedBy(string text) => Always || Keys.Any(k => k.Matches(text));
}

/// <summary>
/// A whole word or phrase (case-insensitive), or a regular expression written as <c>/pattern/</c>. Words in
/// scripts written without spaces (Chinese, Japanese) match anywhere, since they have no word boundaries.
/// </summary>
public sealed record LoreKey
{
    private const int MatchBudgetMilliseconds = 100;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public LoreKey(string pattern, bool isRegex)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Pattern = pattern;
        IsRegex = isRegex;
        _regex = new Regex(isRegex ? pattern : Rules.WordMatch.Pattern(pattern), Options, TimeSpan.FromMilliseconds(MatchBudgetMilliseconds));
    }

    public string Pattern { get; }
    public bool IsRegex { get; }
    private readonly Regex _regex;

    /// <summary>Reads a key as authors write it: <c>/pattern/</c> is a regular expression, anything else a word.</summary>
    public static bool TryParse(string written, out LoreKey? key, out string? error)
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
            key = new LoreKey(pattern, isRegex);
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

    public bool Equals(LoreKey? other) => other is not null && Pattern == other.Pattern && IsRegex == other.IsRegex;
    public override int GetHashCode() => HashCode.Combine(Pattern, IsRegex);
}
