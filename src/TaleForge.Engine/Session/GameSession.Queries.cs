using System.Text.Json;
using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.Rules;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Session;

public sealed partial class GameSession
{
    /// <summary>
    /// Answers a look, examine or inventory for a character: costs no turn, changes nothing, and is recorded as
    /// something only that character noticed.
    /// </summary>
    public string Ask(string character, Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RecordHumanDecision(character, PlayerDecisions.QuerySchema, JsonSerializer.SerializeToNode(query, TrajectoryJson.Options));
        var text = query switch
        {
            Query.Look => Look(character),
            Query.Examine examine => Examine(character, examine.Target),
            Query.Inventory => Inventory(character),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query, "A question the world cannot answer."),
        };
        Append(new WorldEvent.Noticed(character, text), character);
        return text;
    }

    private string Look(string character)
    {
        var names = new Names(State.World);
        var self = State.Character(character);
        var location = State.World.Location(self.Location);
        var lines = new List<string> { location.Name, location.Description };
        if (SceneRules.Current(State) is { } scene && scene.Location == location.Id && State.Scene!.Environment != location.Description)
        {
            lines.Add(State.Scene.Environment);
        }
        var people = State.CharactersAt(location.Id).Where(c => c != character).Select(names.Character).ToList();
        if (people.Count > 0)
        {
            lines.Add(names.Phrases.PeopleHere(people));
        }
        var items = State.ItemsAt(location.Id).Select(names.Item).ToList();
        if (items.Count > 0)
        {
            lines.Add(names.Phrases.ItemsHere(items));
        }
        lines.Add(names.Phrases.ExitList([.. location.Exits.Select(names.Exit)]));
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }

    private string Examine(string character, string target)
    {
        var world = State.World;
        var names = new Names(world);
        var here = State.Character(character).Location;
        var location = world.Location(here);

        if (NameResolver.Item(State, target, State.ItemsAt(here).Concat(State.Inventory(character))) is { } item
            && (State.Items[item].Location == here || State.Carries(character, item)))
        {
            var definition = world.Item(item);
            return definition.Description.Length > 0 ? definition.Description : names.Phrases.NothingSpecial(names.Item(item));
        }
        var wanted = NameResolver.Normalize(target);
        if (NameResolver.Details(location, target) is [var detail])
        {
            return detail.Text;
        }
        var present = State.CharactersAt(here).ToList();
        if (NameResolver.Character(State, target, present) is { } person && present.Contains(person))
        {
            var state = State.Character(person);
            if (person == character)
            {
                return names.Phrases.Yourself(world.Character(person).Name, world.Character(person).Description, state.Position, state.Condition,
                    [.. State.Inventory(character).Select(names.Item)]);
            }
            var parts = new[] { world.Character(person).Description, state.Position, state.Condition };
            var description = string.Join(" ", parts.Where(p => p.Length > 0));
            return description.Length > 0 ? description : names.Phrases.NothingSpecial(names.Character(person));
        }
        if (wanted == NameResolver.Normalize(location.Name) || wanted is "here" or "room" or "around")
        {
            return Look(character);
        }
        return names.Phrases.CannotSee(target);
    }

    private string Inventory(string character)
    {
        var names = new Names(State.World);
        return names.Phrases.Inventory([.. State.Inventory(character).Select(names.Item)]);
    }
}
