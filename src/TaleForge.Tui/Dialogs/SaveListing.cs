using System.Globalization;
using TaleForge.Engine.Saves;
using TaleForge.Tui.Screen;

namespace TaleForge.Tui.Dialogs;

/// <summary>The saves as the save and load dialogs list them: name, world, scene and round, and when, newest first.</summary>
public static class SaveListing
{
    public static IReadOnlyList<string> Names(SaveLibrary? library) => [.. Entries(library).Select(e => e.Name)];

    public static IReadOnlyList<string> Rows(SaveLibrary? library) =>
        [.. Entries(library).Select(e => e.Snapshot is { } s
            ? $"{e.Name,-28} {s.WorldTitle,-22} {s.Scene} #{s.Round.ToString(CultureInfo.InvariantCulture)}{(s.Finished ? " ✓" : "")}  {s.SavedAt.ToLocalTime():yyyy-MM-dd HH:mm}"
            : $"{e.Name,-28} {e.Problem}")];

    public static string Describe(SaveLibrary? library, ScreenWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var rows = Rows(library);
        return rows.Count == 0 ? words.NoSaves : string.Join('\n', rows);
    }

    private static IEnumerable<(string Name, SaveSnapshot? Snapshot, string? Problem)> Entries(SaveLibrary? library) =>
        library is null ? [] : library.List().OrderByDescending(e => e.Snapshot?.SavedAt ?? DateTimeOffset.MinValue);
}
