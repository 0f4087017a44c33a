using System.Collections.Immutable;
using TaleForge.Core.Decisions;

namespace TaleForge.Engine.Agents.Models;

/// <summary>
/// The commands a character could issue right now, as the words a model picks from ("go north", "take
/// lantern", "give key to tomas"), like TextWorld's admissible commands. The rules still check the choice.
/// </summary>
public static class AdmissibleCommands
{
    public const string None = "none";

    public static ImmutableSortedDictionary<string, WorldCommand?> For(CharacterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var commands = new SortedDictionary<string, WorldCommand?>(StringComparer.Ordinal) { [None] = null };
        foreach (var exit in view.Here.Exits)
        {
            commands[$"go {exit}"] = new WorldCommand.Go(exit);
        }
        foreach (var item in view.Here.Items.Where(i => i.Portable))
        {
            commands[$"take {item.Id}"] = new WorldCommand.Take(item.Id);
        }
        foreach (var item in view.Inventory)
        {
            commands[$"drop {item.Id}"] = new WorldCommand.Drop(item.Id);
            foreach (var person in view.Here.People)
            {
                commands[$"give {item.Id} to {person.Id}"] = new WorldCommand.Give(item.Id, person.Id);
            }
        }
        return commands.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
