using TaleForge.Core.Events;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Play;

namespace TaleForge.Tui.Story;

/// <summary>
/// Turns what the controller reports into story lines for the reader: the events the reader perceived, as they
/// read them, and the game's own lines; the same choices line mode makes when it prints.
/// </summary>
public static class StoryTelling
{
    /// <summary>The line <paramref name="reader"/> reads for an event; null when they did not perceive it or it has no text.</summary>
    public static StoryLine? Of(AppliedEvent applied, string? reader)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (!applied.IsSeenBy(reader) || applied.TextFor(reader) is not { Length: > 0 } text)
        {
            return null;
        }
        return applied.Event switch
        {
            WorldEvent.SceneStarted => new StoryLine(text, StoryTone.Heading),
            WorldEvent.Said said => new StoryLine(text, StoryTone.Speech, said.Character),
            WorldEvent.Narrated or WorldEvent.EnvironmentChanged => new StoryLine(text, StoryTone.Narration),
            WorldEvent.Vetoed => new StoryLine(text, StoryTone.Refusal),
            WorldEvent.StoryEnded or WorldEvent.SceneEnded => new StoryLine(text, StoryTone.System),
            _ => new StoryLine(text, StoryTone.Plain),
        };
    }

    public static StoryLine Of(InterfaceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new StoryLine(message.Text, message.Kind switch
        {
            MessageKind.Heading => StoryTone.Heading,
            MessageKind.Warning => StoryTone.Refusal,
            _ => StoryTone.System,
        });
    }
}
