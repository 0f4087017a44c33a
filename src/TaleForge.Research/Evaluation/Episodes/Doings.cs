using TaleForge.Core.Events;
using TaleForge.Engine.Narration;

namespace TaleForge.Research.Evaluation.Episodes;

/// <summary>
/// What counts as a character's own doing: what it did, said or tried on its turns and reactions. A scene's
/// opening beats are the author's, not the player's, so they are observations for everyone, the actor included.
/// </summary>
public static class Doings
{
    /// <summary>The character whose own act <paramref name="e"/> is, or null.</summary>
    public static string? ActorOf(PlayedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Phase == NarratorPhase.SceneSetup)
        {
            return null;
        }
        return e.Event switch
        {
            WorldEvent.Acted a => a.Character,
            WorldEvent.Said s => s.Character,
            WorldEvent.Moved m => m.Character,
            WorldEvent.Took t => t.Character,
            WorldEvent.Dropped d => d.Character,
            WorldEvent.Gave g => g.Character,
            WorldEvent.Vetoed v => v.Character,
            _ => null,
        };
    }

    /// <summary>The words a character chose in <paramref name="e"/> (an action or a line), when it is its own doing.</summary>
    public static string? TextOf(PlayedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (ActorOf(e) is null)
        {
            return null;
        }
        return e.Event switch
        {
            WorldEvent.Acted a => a.Action,
            WorldEvent.Said s => s.Text,
            _ => null,
        };
    }

    /// <summary>Records of a mind (memories, beliefs) are private bookkeeping, not something perceived.</summary>
    public static bool IsPerceivable(WorldEvent e) => e is not (WorldEvent.MemoryAdded or WorldEvent.BeliefsRevised);
}
