using TaleForge.Tui.Screen;

namespace TaleForge.Tui.Dialogs;

/// <summary>The help dialog's text: the game's own help (its commands, in the world's language), then the screen's keys.</summary>
public static class ScreenHelp
{
    public static string Text(string commands, ScreenWords words)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(words);
        return $"""
            {commands}

            F1 {words.Help} · F2 {words.Save} · F3 {words.Load} · F4 {words.Panel} · F5 {words.Retry} · F6 {words.Map}
            Ctrl-Z {words.Undo} · Ctrl-Y redo · Ctrl-F {words.Search} · F7 next · F8 {words.Transcript} · F9 copy · F10 {words.Settings}
            Ctrl-N {words.NewGame} · {words.BranchesHelp}
            Tab · ↑ ↓ · PgUp PgDn Home End · {words.MouseHelp} · Esc · Ctrl-Q {words.Quit}
            """;
    }
}
