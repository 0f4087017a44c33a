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

/// <summary>A whole word or phrase (case-insensitive), or a regular expression written as <c>/pattern/</c>.</summary>
public sealed record LoreKey
{
    public LoreKey(string pattern, bool isRegex)
    {
        Pattern = pattern;
        IsRegex = isRegex;
        _regex = new Regex(
            isRegex ? pattern : $@"(?<!\w){Regex.Escape(pattern)}(?!\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));
    }

    public string Pattern { get; }
    public bool IsRegex { get; }
    private readonly Regex _regex;

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
