using TaleForge.Engine.Play;
using TaleForge.Engine.Saves;

namespace TaleForge.Tui;

/// <summary>What the full-screen game shows besides the play itself: the saves it browses, the model it names, where transcripts go.</summary>
public sealed record ScreenOptions
{
    /// <summary>The saves the save and load dialogs list; null when the game is not saved.</summary>
    public SaveLibrary? Saves { get; init; }

    /// <summary>The model (or models) playing, as the status bar names them; null in authored mode.</summary>
    public string? Model { get; init; }

    /// <summary>Where F8 writes the transcript of the story so far.</summary>
    public string TranscriptFolder { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The config file the settings dialog (F10) writes; null hides the dialog.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>What the model is doing (loading, whose call runs), shown on the hint line; null in authored play.</summary>
    public ModelActivity? Activity { get; init; }

    /// <summary>The games the new-game dialog (Ctrl-N) offers; null hides it.</summary>
    public IGameStarts? Starts { get; init; }

    /// <summary>Stops a generation when the player presses Esc; null when nothing can be stopped.</summary>
    public ScreenGate? Gate { get; init; }
}
