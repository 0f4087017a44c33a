using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace TaleForge.Content.Reading;

/// <summary>The format's patterns (ids, times, language tags), compiled once: they are checked on every id a world holds.</summary>
internal static class Patterns
{
    private static readonly ConcurrentDictionary<string, Regex> _compiled = new(StringComparer.Ordinal);

    public static Regex Get(string pattern) =>
        _compiled.GetOrAdd(pattern, p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
