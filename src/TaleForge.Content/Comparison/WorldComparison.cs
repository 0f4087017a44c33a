using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Comparison;

/// <summary>
/// Structural equality of definitions, for round trips and importers. Core records hold immutable arrays,
/// which compare by reference, so <c>==</c> cannot tell two loads of one world apart; this walks every
/// public property and names the first difference.
/// </summary>
public static class WorldComparison
{
    public static bool AreEqual(WorldDefinition expected, WorldDefinition actual) => FirstDifference(expected, actual) is null;

    /// <summary>Null when equal; otherwise where the first difference is and what the two sides hold.</summary>
    public static string? FirstDifference(object? expected, object? actual) => Compare(expected, actual, "world");

    private static string? Compare(object? x, object? y, string path)
    {
        if (x is null || y is null)
        {
            return x is null && y is null ? null : Differ(path, x, y);
        }
        var type = x.GetType();
        if (type != y.GetType())
        {
            return $"{path}: {type.Name} against {y.GetType().Name}";
        }
        if (x is string or Enum or TimeOnly or LoreKey or Extensions || type.IsPrimitive)
        {
            return x.Equals(y) ? null : Differ(path, x, y);
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return CompareLists(Items(x), Items(y), path);
        }
        if (x is IReadOnlyDictionary<string, string> left && y is IReadOnlyDictionary<string, string> right)
        {
            return CompareLists(
                [.. left.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (object)$"{p.Key}={p.Value}")],
                [.. right.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (object)$"{p.Key}={p.Value}")],
                path);
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }
            var difference = Compare(property.GetValue(x), property.GetValue(y), $"{path}.{property.Name}");
            if (difference is not null)
            {
                return difference;
            }
        }
        return null;
    }

    private static string? CompareLists(List<object?> x, List<object?> y, string path)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var difference = Compare(x[i], y[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]");
            if (difference is not null)
            {
                return difference;
            }
        }
        return x.Count == y.Count ? null : $"{path}: {x.Count} items against {y.Count}";
    }

    // A default (uninitialised) immutable array counts as empty.
    private static List<object?> Items(object array) =>
        (bool)array.GetType().GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(array)!
            ? []
            : [.. ((IEnumerable)array).Cast<object?>()];

    private static string Differ(string path, object? x, object? y) => $"{path}: {Show(x)} against {Show(y)}";

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{(s.Length > 60 ? s[..57] + "..." : s)}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };
}
