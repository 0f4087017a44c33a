using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;

namespace TaleForge.Core.Rules;

/// <summary>
/// Checks a decision against the world and turns it into events, or refuses it with a reason. Check, then
/// carry out: a refused command changes nothing, and nothing here throws on a bad decision.
/// </summary>
public static class Rulebook
{
    public static Resolution Resolve(WorldState state, string actor, CharacterTurn turn)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(turn);
        var names = new Names(state.World);
        if (state.IsOver)
        {
            return Refuse(actor, "", new VetoReason.StoryOver());
        }
        if (!state.Characters.ContainsKey(actor))
        {
            return Refuse(actor, "", new VetoReason.UnknownCharacter(actor));
        }

        var present = Perception.Perception.Present(state, actor).ToList();
        var targets = ImmutableArray.CreateBuilder<string>();
        foreach (var target in turn.Targets)
        {
            var id = NameResolver.Character(state, target, present);
            if (id is null)
            {
                return Refuse(actor, target, new VetoReason.UnknownCharacter(target));
            }
            if (!present.Contains(id))
            {
                return Refuse(actor, names.Character(id), new VetoReason.Absent(id));
            }
            if (id != actor && !targets.Contains(id))
            {
                targets.Add(id);
            }
        }

        var events = ImmutableArray.CreateBuilder<WorldEvent>();
        if (turn.Story is { Length: > 0 } story)
        {
            events.Add(new WorldEvent.Narrated(story, NarrationKind.Story) { Location = state.LocationOf(actor) });
        }
        if (turn.Action.Length > 0)
        {
            events.Add(new WorldEvent.Acted(actor, turn.Action) { Targets = targets.ToImmutable() });
        }

        VetoReason? veto = null;
        if (turn.Command is { } command)
        {
            var outcome = Resolve(state, actor, command);
            events.AddRange(outcome.Events);
            veto = outcome.Veto;
        }

        if (turn.Dialogue is { Length: > 0 } line)
        {
            events.Add(new WorldEvent.Said(actor, line) { To = targets.ToImmutable() });
        }
        if (events.Count == 0)
        {
            events.Add(new WorldEvent.Acted(actor, names.Phrases.WaitAction));
        }
        return new Resolution(events.ToImmutable(), veto);
    }

    public static Resolution Resolve(WorldState state, string actor, WorldCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            WorldCommand.Go go => Go(state, actor, go.Exit),
            WorldCommand.Take take => Take(state, actor, take.Item),
            WorldCommand.Drop drop => Drop(state, actor, drop.Item),
            WorldCommand.Give give => Give(state, actor, give.Item, give.To),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "A command kind the rules do not know."),
        };
    }

    private static Resolution Go(WorldState state, string actor, string exitText)
    {
        var names = new Names(state.World);
        var here = state.Character(actor).Location;
        var exit = NameResolver.Exit(state, here, exitText);
        if (exit is null)
        {
            return Refuse(actor, names.Phrases.AttemptGo(exitText), new VetoReason.NoSuchExit(exitText));
        }
        var exitName = names.Exit(exit);
        if (exit.Requires is { } condition && !condition.Holds(state, actor))
        {
            return Refuse(actor, names.Phrases.AttemptGo(exitName), new VetoReason.ExitBlocked(exitName, exit.Blocked));
        }
        return Accept(new WorldEvent.Moved(actor, here, exit.To, exitName));
    }

    private static Resolution Take(WorldState state, string actor, string itemText)
    {
        var names = new Names(state.World);
        var here = state.Character(actor).Location;
        var item = NameResolver.Item(state, itemText, state.ItemsAt(here).Concat(state.Inventory(actor)));
        var attempt = names.Phrases.AttemptTake(item is null ? itemText : names.Item(item));
        if (item is null)
        {
            return Refuse(actor, attempt, new VetoReason.UnknownItem(itemText));
        }
        if (state.Carries(actor, item))
        {
            return Refuse(actor, attempt, new VetoReason.AlreadyCarrying(item));
        }
        if (state.Items[item].Location != here)
        {
            return Refuse(actor, attempt, new VetoReason.ItemNotHere(item));
        }
        if (!state.World.Item(item).Portable)
        {
            return Refuse(actor, attempt, new VetoReason.NotPortable(item));
        }
        return Accept(new WorldEvent.Took(actor, item, here));
    }

    private static Resolution Drop(WorldState state, string actor, string itemText)
    {
        var names = new Names(state.World);
        var item = NameResolver.Item(state, itemText, state.Inventory(actor));
        var attempt = names.Phrases.AttemptDrop(item is null ? itemText : names.Item(item));
        if (item is null)
        {
            return Refuse(actor, attempt, new VetoReason.UnknownItem(itemText));
        }
        if (!state.Carries(actor, item))
        {
            return Refuse(actor, attempt, new VetoReason.NotCarrying(item));
        }
        return Accept(new WorldEvent.Dropped(actor, item, state.Character(actor).Location));
    }

    private static Resolution Give(WorldState state, string actor, string itemText, string recipientText)
    {
        var names = new Names(state.World);
        var present = Perception.Perception.Present(state, actor).ToList();
        var item = NameResolver.Item(state, itemText, state.Inventory(actor));
        var recipient = NameResolver.Character(state, recipientText, present);
        var attempt = names.Phrases.AttemptGive(
            item is null ? itemText : names.Item(item),
            recipient is null ? recipientText : names.Character(recipient));
        if (item is null)
        {
            return Refuse(actor, attempt, new VetoReason.UnknownItem(itemText));
        }
        if (!state.Carries(actor, item))
        {
            return Refuse(actor, attempt, new VetoReason.NotCarrying(item));
        }
        if (recipient is null)
        {
            return Refuse(actor, attempt, new VetoReason.UnknownCharacter(recipientText));
        }
        if (recipient == actor)
        {
            return Refuse(actor, attempt, new VetoReason.SelfTarget());
        }
        if (!present.Contains(recipient))
        {
            return Refuse(actor, attempt, new VetoReason.Absent(recipient));
        }
        return Accept(new WorldEvent.Gave(actor, item, recipient));
    }

    private static Resolution Accept(WorldEvent e) => new([e]);

    private static Resolution Refuse(string actor, string attempt, VetoReason reason) =>
        new([new WorldEvent.Vetoed(actor, attempt, reason)], reason);
}
