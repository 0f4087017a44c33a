using TaleForge.Core.Events;

namespace TaleForge.Engine.Memory;

/// <summary>
/// How much an observation matters to the one who observed it, from 0 to 1: being addressed, given something or
/// named matters more than someone waiting. A fixed rule rather than a model call, so it costs nothing and
/// replays identically; reflections are scored by the model that writes them.
/// </summary>
public static class Importance
{
    public static double Of(WorldEvent e, string observer, string observerName)
    {
        ArgumentNullException.ThrowIfNull(e);
        var score = e switch
        {
            WorldEvent.Gave g when g.To == observer || g.Character == observer => 0.8,
            WorldEvent.Said s when s.To.Contains(observer) => 0.7,
            WorldEvent.Narrated { Kind: NarrationKind.Trigger or NarrationKind.Opening } => 0.7,
            WorldEvent.Narrated => 0.5,
            WorldEvent.EnvironmentChanged or WorldEvent.SceneStarted => 0.6,
            WorldEvent.Said => 0.5,
            WorldEvent.Took or WorldEvent.Dropped or WorldEvent.Gave => 0.5,
            WorldEvent.Acted a when a.Targets.Contains(observer) => 0.6,
            WorldEvent.Acted => 0.3,
            WorldEvent.Moved => 0.3,
            WorldEvent.EmotionChanged or WorldEvent.ConditionChanged or WorldEvent.PositionChanged => 0.2,
            WorldEvent.Vetoed => 0.2,
            _ => 0.1,
        };
        if (observerName.Length > 0 && Text(e).Contains(observerName, StringComparison.OrdinalIgnoreCase))
        {
            score += 0.2;
        }
        return Math.Min(1.0, score);
    }

    private static string Text(WorldEvent e) => e switch
    {
        WorldEvent.Said s => s.Text,
        WorldEvent.Acted a => a.Action,
        WorldEvent.Narrated n => n.Text,
        _ => "",
    };
}
