using System.Collections;
using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>
/// Data under an <c>extensions:</c> key: TaleForge does not read it, and keeps it, in order, on round trip
/// so that tools and authors can carry their own fields. A value is a scalar as written (<see cref="string"/>),
/// a list (<see cref="ImmutableArray{T}"/> of values), a nested <see cref="Extensions"/>, or null.
/// </summary>
public sealed class Extensions : IReadOnlyList<KeyValuePair<string, object?>>, IEquatable<Extensions>
{
    public static Extensions Empty { get; } = new([]);

    private readonly ImmutableArray<KeyValuePair<string, object?>> _entries;

    public Extensions(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
    }

    public int Count => _entries.Length;
    public bool IsEmpty => _entries.IsEmpty;
    public KeyValuePair<string, object?> this[int index] => _entries[index];

    public object? Get(string key)
    {
        foreach (var entry in _entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }
        return null;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Deep, order-sensitive equality, so a round trip can be checked with <c>==</c>.</summary>
    public bool Equals(Extensions? other) =>
        other is not null && _entries.Length == other._entries.Length
        && _entries.Zip(other._entries).All(p => p.First.Key == p.Second.Key && ValueEquals(p.First.Value, p.Second.Value));

    public override bool Equals(object? obj) => Equals(obj as Extensions);
    public override int GetHashCode() => _entries.Length == 0 ? 0 : HashCode.Combine(_entries.Length, _entries[0].Key);

    private static bool ValueEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (string x, string y) => x == y,
        (Extensions x, Extensions y) => x.Equals(y),
        (ImmutableArray<object?> x, ImmutableArray<object?> y) => x.Length == y.Length && x.Zip(y).All(p => ValueEquals(p.First, p.Second)),
        _ => false,
    };
}
