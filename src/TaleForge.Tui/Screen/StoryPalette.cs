using TaleForge.Tui.Story;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TaleForge.Tui.Screen;

/// <summary>
/// The colours of the story: narration, the game's own lines, refusals and the player's commands each have one,
/// and every speaker gets a colour of their own, given in the order they first speak so it stays for the session.
/// </summary>
public sealed class StoryPalette
{
    private static readonly Color[] SpeakerColors = [Color.BrightCyan, Color.BrightGreen, Color.BrightMagenta, Color.BrightBlue, Color.Cyan, Color.Green, Color.Magenta];
    private readonly Dictionary<string, Color> _speakers = new(StringComparer.Ordinal);

    public Attribute For(StoryLine line, Color background)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Tone switch
        {
            StoryTone.Speech => new Attribute(SpeakerColor(line.Speaker ?? ""), background),
            StoryTone.Narration => new Attribute(Color.White, background, TextStyle.Italic),
            StoryTone.Heading => new Attribute(Color.BrightYellow, background, TextStyle.Bold),
            StoryTone.System => new Attribute(Color.DarkGray, background),
            StoryTone.Refusal => new Attribute(Color.Yellow, background),
            StoryTone.Player => new Attribute(Color.BrightYellow, background),
            _ => new Attribute(Color.Gray, background),
        };
    }

    private Color SpeakerColor(string speaker)
    {
        if (!_speakers.TryGetValue(speaker, out var color))
        {
            color = SpeakerColors[_speakers.Count % SpeakerColors.Length];
            _speakers[speaker] = color;
        }
        return color;
    }
}
