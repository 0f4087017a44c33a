using System.Collections.Immutable;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Core.State;

namespace TaleForge.Core.Rules;

/// <summary>How a scene's triggers fire, when it ends, and where play goes next.</summary>
public static class SceneRules
{
    /// <summary>
    /// The events of every trigger of the current scene whose condition holds now, in the author's order. A
    /// <c>once</c> trigger fires the first time only; a repeating one fires each time this is asked and it holds.
    /// </summary>
    public static ImmutableArray<WorldEvent> FireTriggers(WorldState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Scene is not { } scene || state.World.FindScene(scene.Id) is not { } definition)
        {
            return [];
        }
        var events = ImmutableArray.CreateBuilder<WorldEvent>();
        var current = state;
        foreach (var trigger in definition.Triggers)
        {
            if ((trigger.Once && current.Scene!.FiredTriggers.Contains(trigger.Id)) || !trigger.When.Holds(current))
            {
                continue;
            }
            var fired = TriggerEvents(trigger, definition.Location).ToList();
            events.AddRange(fired);
            // Later triggers see what earlier ones changed, so one can set up another.
            current = current.Apply(fired);
        }
        return events.ToImmutable();
    }

    private static IEnumerable<WorldEvent> TriggerEvents(TriggerDefinition trigger, string location)
    {
        yield return new WorldEvent.TriggerFired(trigger.Id);
        foreach (var flag in trigger.SetFlags)
        {
            yield return new WorldEvent.FlagSet(flag);
        }
        foreach (var flag in trigger.ClearFlags)
        {
            yield return new WorldEvent.FlagCleared(flag);
        }
        if (trigger.Environment is { Length: > 0 } environment)
        {
            yield return new WorldEvent.EnvironmentChanged(environment);
        }
        if (trigger.Narrate.Length > 0)
        {
            // Null for the default keeps the recorded event as it always was.
            yield return new WorldEvent.Narrated(trigger.Narrate, NarrationKind.Trigger)
            {
                Location = location,
                Heard = trigger.Heard == Hearing.Here ? null : trigger.Heard,
            };
        }
    }

    /// <summary>The scene's end condition holds (checked after every turn).</summary>
    public static bool GoalReached(WorldState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Current(state)?.End.When is { } when && when.Holds(state);
    }

    /// <summary>The scene has played its last round.</summary>
    public static bool OutOfRounds(WorldState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Current(state)?.End.MaxRounds is { } max && state.Scene!.Round >= max;
    }

    /// <summary>The scene to play next: the first transition whose condition holds; null when the story ends.</summary>
    public static string? NextScene(WorldState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Current(state)?.Transitions.FirstOrDefault(t => t.When is null || t.When.Holds(state))?.To;
    }

    public static SceneDefinition? Current(WorldState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Scene is { } scene ? state.World.FindScene(scene.Id) : null;
    }
}
