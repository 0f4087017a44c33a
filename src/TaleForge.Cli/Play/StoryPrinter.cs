using TaleForge.Cli.Presentation;
using TaleForge.Core.Display;
using TaleForge.Core.Events;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Play;
using TaleForge.Engine.Session;

namespace TaleForge.Cli.Play;

/// <summary>
/// Prints what the reader perceives as it happens: the player's character's observations, or everything in
/// observer mode. The player's own spoken lines and moves are echoed back as the world saw them.
/// </summary>
public sealed class StoryPrinter(TextWriter output, TerminalStyle style, string? reader)
{
    public void Show(AppliedEvent applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (!applied.IsSeenBy(reader) || applied.TextFor(reader) is not { Length: > 0 } text)
        {
            return;
        }
        var entry = applied.Entry;
        var tone = entry.Event switch
        {
            WorldEvent.SceneStarted => Tone.Heading,
            WorldEvent.Said => Tone.Speech,
            WorldEvent.Narrated or WorldEvent.EnvironmentChanged => Tone.Narration,
            WorldEvent.Vetoed => Tone.Refusal,
            WorldEvent.StoryEnded or WorldEvent.SceneEnded => Tone.System,
            _ => Tone.Plain,
        };
        if (entry.Event is WorldEvent.SceneStarted)
        {
            output.WriteLine();
        }
        Say(text, tone);
    }

    /// <summary>Prints a line in a tone: the text is cleaned of control characters first, then coloured.</summary>
    public void Say(string text, Tone tone = Tone.System)
    {
        var line = style.Paint(style.Wrap(TerminalText.Clean(text)), tone);
        if (output is TerminalWriter terminal)
        {
            terminal.WriteStyledLine(line);
        }
        else
        {
            output.WriteLine(line);
        }
    }

    /// <summary>The place the player arrived in: its name as a heading, then what is there.</summary>
    public void Arrive(Arrival arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        output.WriteLine();
        for (var i = 0; i < arrival.Lines.Length; i++)
        {
            Say(arrival.Lines[i], i == 0 ? Tone.Heading : Tone.Plain);
        }
    }

    /// <summary>The ending screen: the end, the scenes as they ended, the turns, and what can be done now.</summary>
    public void End(StoryEnding ending)
    {
        ArgumentNullException.ThrowIfNull(ending);
        output.WriteLine();
        for (var i = 0; i < ending.Lines.Length; i++)
        {
            Say(ending.Lines[i], i == 0 ? Tone.Heading : Tone.System);
        }
    }

}
