using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Tests;

/// <summary>Assertions on diagnostics that print every problem found when they fail.</summary>
internal static class Expect
{
    /// <summary>The one diagnostic with <paramref name="code"/>; fails listing all diagnostics when there is not exactly one.</summary>
    public static Diagnostic Single(LoadResult result, string code)
    {
        var matching = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got:\n{Describe(result)}");
        return matching[0];
    }

    public static void At(Diagnostic diagnostic, string file, int line, int column)
    {
        Assert.Equal($"{file}:{line}:{column}", diagnostic.Location);
    }

    /// <summary>The text at a diagnostic's position starts with <paramref name="token"/>: the position names the right thing.</summary>
    public static void PointsAt(string text, Diagnostic diagnostic, string token)
    {
        var lines = text.Split('\n');
        Assert.InRange(diagnostic.Line, 1, lines.Length);
        var line = lines[diagnostic.Line - 1];
        Assert.True(diagnostic.Column - 1 <= line.Length && line[(diagnostic.Column - 1)..].StartsWith(token, StringComparison.Ordinal),
            $"{diagnostic.Location} points at '{line[Math.Min(diagnostic.Column - 1, line.Length)..]}', not at '{token}'");
    }

    public static void Clean(LoadResult result) => Assert.True(result.Diagnostics.Count == 0, Describe(result));

    public static string Describe(LoadResult result) =>
        result.Diagnostics.Count == 0 ? "(no diagnostics)" : string.Join("\n", result.Diagnostics.Select(d => $"{d} | {d.Hint}"));
}
