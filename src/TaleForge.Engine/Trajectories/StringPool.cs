using System.Text;
using System.Text.Json;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// Shares the short strings a trajectory repeats on every line (field names, scene ids, times, roles), so a
/// loaded file holds one copy of each instead of one per line. Long or escaped text is not pooled.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledBytes = 96;
    private const int MaxEntries = 65_536;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current string token (or property name) of <paramref name="reader"/>.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxPooledBytes)
        {
            return reader.GetString()!;
        }
        Span<char> chars = stackalloc char[MaxPooledBytes];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        var text = chars[..length];
        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }
        var created = text.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings[created] = created;
        }
        return created;
    }
}
