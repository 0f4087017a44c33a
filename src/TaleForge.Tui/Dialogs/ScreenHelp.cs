using TaleForge.Tui.Screen;

namespace TaleForge.Tui.Dialogs;

/// <summary>
/// The help dialog's text: the screen's keys first (on a small screen the dialog shows only its top, and the keys
/// are what the screen alone can tell), then the game's commands (in the world's language) that line mode's help
/// lists too, without line mode's keys.
/// </summary>
public static class ScreenHelp
{
    /// <param name="commands">The game's commands, from <see cref="Engine.Play.Messages.InterfaceText.Commands"/>.</param>
    public static string Text(string commands, ScreenWords words)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(words);
        return $"""
            F1 {words.Help} · F2 {words.Save} · F3 {words.Load} · F4 {words.Panel} · F5 {words.Retry} · F6 {words.Map}
            Ctrl-Z {words.Undo} · Ctrl-Y redo · Ctrl-F {words.Search} · F7 next · F8 {words.Transcript} · F9 copy · F10 {words.Settings}
            Ctrl-N {words.NewGame} · {words.BranchesHelp}
            {words.StopAndQuit} · Tab · ↑ ↓ · PgUp PgDn Home End
            {words.MouseHelp}

            {commands}
            """;
    }
}
