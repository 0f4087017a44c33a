using TaleForge.Core.Definitions;

namespace TaleForge.Content.Lint;

/// <summary>
/// Decides, conservatively, whether a condition can ever hold: a flag nothing sets cannot, nor can holding an
/// item that cannot be picked up and is not carried from the start. Anything it cannot rule out counts as possible.
/// </summary>
internal sealed class ConditionAnalysis
{
    private readonly HashSet<string> _settable;
    private readonly WorldDefinition _world;

    public ConditionAnalysis(WorldDefinition world)
    {
        _world = world;
        _settable = [.. world.Info.Flags];
        foreach (var scene in world.Scenes)
        {
            foreach (var trigger in scene.Triggers)
            {
                _settable.UnionWith(trigger.SetFlags);
            }
        }
        foreach (var character in world.Characters)
        {
            _settable.UnionWith(character.Authored.Lines.SelectMany(l => l.SetFlags));
            _settable.UnionWith(character.Authored.Reactions.SelectMany(r => r.SetFlags));
        }
    }

    /// <summary>Why the condition can never hold, or null when it might.</summary>
    public string? WhyNever(Predicate predicate) => predicate switch
    {
        Predicate.Flag flag when !_settable.Contains(flag.Name) =>
            $"the flag '{flag.Name}', which nothing sets",
        Predicate.Holds holds when Unobtainable(holds.Item) =>
            $"'{holds.Character}' to hold '{holds.Item}', which cannot be picked up and is not carried from the start",
        Predicate.Carrying carrying when Unobtainable(carrying.Item) =>
            $"someone to carry '{carrying.Item}', which cannot be picked up and is not carried from the start",
        Predicate.All all => all.Terms.Select(WhyNever).FirstOrDefault(r => r is not null),
        Predicate.Any any when any.Terms.Select(WhyNever).ToList() is var reasons && reasons.All(r => r is not null) =>
            $"one of several things, none of which can happen: {string.Join("; ", reasons)}",
        _ => null,
    };

    // An item that cannot be picked up is only ever held if someone starts with it (and may then give it away).
    private bool Unobtainable(string itemId) =>
        _world.FindItem(itemId) is { Portable: false } && !_world.Characters.Any(c => c.Start.Inventory.Contains(itemId));
}
