using TaleForge.Core.Definitions;
using TaleForge.Core.State;

namespace TaleForge.Core.Rules;

/// <summary>Decides whether an author's <see cref="Predicate"/> holds in a state.</summary>
public static class PredicateEvaluator
{
    /// <param name="subject">
    /// The character a <c>carrying</c> condition is about (the one moving, speaking or reacting); when null,
    /// <c>carrying</c> holds if any character in the current scene's location carries the item.
    /// </param>
    public static bool Holds(this Predicate predicate, WorldState state, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(state);
        return predicate switch
        {
            Predicate.Flag f => state.Flags.Contains(f.Name),
            Predicate.Holds h => state.Carries(h.Character, h.Item),
            Predicate.At a => state.LocationOf(a.Character) == a.Location,
            Predicate.ItemAt i => state.Items.TryGetValue(i.Item, out var place) && place.Location == i.Location,
            Predicate.Carrying c when subject is not null => state.Carries(subject, c.Item),
            Predicate.Carrying c => AnyonePresentCarries(state, c.Item),
            Predicate.RoundAtLeast r => (state.Scene?.Round ?? 0) >= r.Round,
            Predicate.All all => all.Terms.All(t => t.Holds(state, subject)),
            Predicate.Any any => any.Terms.Any(t => t.Holds(state, subject)),
            Predicate.Not not => !not.Term.Holds(state, subject),
            _ => throw new ArgumentOutOfRangeException(nameof(predicate), predicate, "A predicate kind with no meaning."),
        };
    }

    private static bool AnyonePresentCarries(WorldState state, string item)
    {
        if (!state.Items.TryGetValue(item, out var place) || place.Holder is not { } holder)
        {
            return false;
        }
        if (state.Scene is null || state.World.FindScene(state.Scene.Id) is not { } scene)
        {
            return true;
        }
        return scene.Participants.Contains(holder) || state.LocationOf(holder) == scene.Location;
    }
}
