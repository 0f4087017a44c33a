using System.Collections.Immutable;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;

namespace TaleForge.Engine.Play;

/// <summary>
/// A place as the player finds it on arriving: in full (its description) the first time or in verbose mode,
/// briefly (its name, who and what is there, the ways out) after that. <see cref="Lines"/> are ready to show in
/// the world's language; the other fields let a view lay it out as it likes.
/// </summary>
public sealed record Arrival(string Place, string? Description, ImmutableArray<string> People, ImmutableArray<string> Items, ImmutableArray<string> Exits)
{
    public bool Full => Description is not null;

    public ImmutableArray<string> Lines { get; init; } = [];

    /// <summary>What <paramref name="character"/> finds where they stand in <paramref name="state"/>.</summary>
    public static Arrival Of(WorldState state, string character, bool full)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(character);
        var names = new Names(state.World);
        var here = state.Character(character).Location;
        var location = state.World.Location(here);
        var people = state.CharactersAt(here).Where(c => c != character).Select(names.Character).ToImmutableArray();
        var items = state.ItemsAt(here).Select(names.Item).ToImmutableArray();
        var exits = location.Exits.Select(names.Exit).ToImmutableArray();
        var lines = new List<string> { location.Name };
        if (full && location.Description.Length > 0)
        {
            lines.Add(location.Description);
        }
        if (people.Length > 0)
        {
            lines.Add(names.Phrases.PeopleHere(people));
        }
        if (items.Length > 0)
        {
            lines.Add(names.Phrases.ItemsHere(items));
        }
        lines.Add(names.Phrases.ExitList(exits));
        return new Arrival(location.Name, full ? location.Description : null, people, items, exits) { Lines = [.. lines] };
    }
}
