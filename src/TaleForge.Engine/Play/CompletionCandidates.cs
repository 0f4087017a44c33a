using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Play.Messages;

namespace TaleForge.Engine.Play;

/// <summary>
/// The commands the player could type right now, by display name and in the world's language ("take brass key",
/// "拿起油灯"): TextWorld's admissible commands, as <see cref="Agents.Models.AdmissibleCommands"/> offers them to a
/// model, worded for a person. Every one reads back through <see cref="PlayerInputParser"/>; the rules still check it.
/// </summary>
public static class CompletionCandidates
{
    public static IReadOnlyList<string> For(WorldState state, string character, InterfaceText text)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(character);
        ArgumentNullException.ThrowIfNull(text);
        var world = state.World;
        var names = new Names(world);
        var here = state.Character(character).Location;
        var location = world.Location(here);
        var people = state.CharactersAt(here).Where(c => c != character).Select(names.Character).ToList();
        var items = state.ItemsAt(here).Select(world.Item).ToList();
        var carried = state.Inventory(character).Select(world.Item).ToList();

        var candidates = new List<string> { text.Look, text.Inventory, text.Wait };
        candidates.AddRange(location.Exits.Select(exit => text.Go(names.Exit(exit))));
        candidates.AddRange(items.Where(i => i.Portable).Select(i => text.Take(i.Name)));
        candidates.AddRange(carried.Select(i => text.Drop(i.Name)));
        candidates.AddRange(carried.SelectMany(i => people.Select(person => text.Give(i.Name, person))));
        candidates.AddRange(people.Select(text.TalkTo));
        candidates.AddRange(items.Concat(carried).Select(i => i.Name).Concat(people).Concat(location.Details.Select(d => d.Name)).Select(text.Examine));
        candidates.AddRange(InterfaceText.MetaCommands);
        return [.. candidates.Distinct(StringComparer.Ordinal)];
    }
}
