using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Lint;

/// <summary>Every id a world mentions names something that exists; exits do not share a direction.</summary>
internal static class ReferenceRules
{
    public static void Check(LintContext c)
    {
        var world = c.World;
        c.Reference(SourcePath.World.Field("start_scene"), "scene", world.Info.StartScene, "the world starts with scene");

        foreach (var (location, path) in LintContext.WithPaths(world.Locations, "location", l => l.Id))
        {
            CheckLocation(c, location, path);
        }
        foreach (var (character, path) in LintContext.WithPaths(world.Characters, "character", x => x.Id))
        {
            CheckCharacter(c, character, path);
        }
        foreach (var (scene, path) in LintContext.WithPaths(world.Scenes, "scene", s => s.Id))
        {
            CheckScene(c, scene, path);
        }
        foreach (var (entry, path) in LintContext.WithPaths(world.Lore, "lore", l => l.Id))
        {
            if (entry.When is { } when)
            {
                Condition(c, when, path.Field("when"));
            }
        }
    }

    private static void CheckLocation(LintContext c, LocationDefinition location, SourcePath path)
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < location.Exits.Length; i++)
        {
            var exit = location.Exits[i];
            var exitPath = path.Field("exits").Index(i);
            c.Reference(exitPath.Field("to"), "location", exit.To, $"an exit of '{location.Id}' leads to");
            if (exit.Requires is { } requires)
            {
                Condition(c, requires, exitPath.Field("requires"));
            }
            var name = exit.Direction?.Word() ?? exit.Label;
            if (name is not null && !names.TryAdd(name, i))
            {
                c.Error(exitPath, DiagnosticCodes.DuplicateExit,
                    $"'{location.Id}' has two exits named '{name}'",
                    "give each exit its own direction or label; a player could not choose between them");
            }
        }
        for (var i = 0; i < location.Items.Length; i++)
        {
            c.Reference(path.Field("items").Index(i), "item", location.Items[i], $"'{location.Id}' holds the item");
        }
    }

    private static void CheckCharacter(LintContext c, CharacterDefinition character, SourcePath path)
    {
        for (var i = 0; i < character.Relationships.Length; i++)
        {
            c.Reference(path.Field("relationships").Index(i).Field("with"), "character", character.Relationships[i].With,
                $"'{character.Id}' has a relationship with");
        }
        var start = path.Field("start");
        c.Reference(start.Field("location"), "location", character.Start.Location, $"'{character.Id}' starts at");
        for (var i = 0; i < character.Start.Inventory.Length; i++)
        {
            c.Reference(start.Field("inventory").Index(i), "item", character.Start.Inventory[i], $"'{character.Id}' starts carrying");
        }

        var lines = path.Field("authored").Field("lines");
        for (var i = 0; i < character.Authored.Lines.Length; i++)
        {
            var line = character.Authored.Lines[i];
            var linePath = lines.Index(i);
            if (line.Scene is { } scene)
            {
                c.Reference(linePath.Field("scene"), "scene", scene, $"a line of '{character.Id}' belongs to scene");
            }
            if (line.When is { } when)
            {
                Condition(c, when, linePath.Field("when"));
            }
            if (line.Act is { } act)
            {
                Act(c, act, linePath.Field("act"), character.Id);
            }
        }

        var reactions = path.Field("authored").Field("reactions");
        for (var i = 0; i < character.Authored.Reactions.Length; i++)
        {
            var reaction = character.Authored.Reactions[i];
            var reactionPath = reactions.Index(i);
            if (reaction.From is { } from)
            {
                c.Reference(reactionPath.Field("from"), "character", from, $"a reaction of '{character.Id}' answers");
            }
            if (reaction.When is { } when)
            {
                Condition(c, when, reactionPath.Field("when"));
            }
            if (reaction.Act is { } act)
            {
                Act(c, act, reactionPath.Field("act"), character.Id);
            }
        }
    }

    private static void CheckScene(LintContext c, SceneDefinition scene, SourcePath path)
    {
        c.Reference(path.Field("location"), "location", scene.Location, $"scene '{scene.Id}' takes place at");
        for (var i = 0; i < scene.Participants.Length; i++)
        {
            c.Reference(path.Field("participants").Index(i), "character", scene.Participants[i], $"scene '{scene.Id}' has the participant");
        }
        for (var i = 0; i < scene.Opening.Length; i++)
        {
            var actor = scene.Opening[i].Actor;
            var actorPath = path.Field("opening").Index(i).Field("actor");
            if (!c.Ids["character"].Contains(actor))
            {
                c.Reference(actorPath, "character", actor, $"an opening beat of '{scene.Id}' is acted by");
            }
            else if (!scene.Participants.Contains(actor))
            {
                c.Error(actorPath, DiagnosticCodes.DanglingReference,
                    $"an opening beat of '{scene.Id}' is acted by '{actor}', who is not a participant of the scene",
                    $"add '{actor}' to the scene's participants, or give the beat to a participant");
            }
        }
        if (scene.End.When is { } end)
        {
            Condition(c, end, path.Field("end").Field("when"));
        }
        for (var i = 0; i < scene.Triggers.Length; i++)
        {
            Condition(c, scene.Triggers[i].When, path.Field("triggers").Index(i).Field("when"));
        }
        for (var i = 0; i < scene.Transitions.Length; i++)
        {
            var transition = scene.Transitions[i];
            var transitionPath = path.Field("transitions").Index(i);
            c.Reference(transitionPath.Field("to"), "scene", transition.To, $"scene '{scene.Id}' moves on to");
            if (transition.When is { } when)
            {
                Condition(c, when, transitionPath.Field("when"));
            }
        }
    }

    private static void Act(LintContext c, AuthoredAct act, SourcePath path, string actor)
    {
        switch (act)
        {
            case AuthoredAct.Go go:
                c.Reference(path.Field("go"), "location", go.Location, $"'{actor}' goes to");
                break;
            case AuthoredAct.Take take:
                c.Reference(path.Field("take"), "item", take.Item, $"'{actor}' takes");
                break;
            case AuthoredAct.Drop drop:
                c.Reference(path.Field("drop"), "item", drop.Item, $"'{actor}' drops");
                break;
            case AuthoredAct.Give give:
                c.Reference(path.Field("give").Field("item"), "item", give.Item, $"'{actor}' gives");
                c.Reference(path.Field("give").Field("to"), "character", give.To, $"'{actor}' gives something to");
                break;
        }
    }

    /// <summary>Checks the ids in a condition, following the same paths the reader recorded.</summary>
    public static void Condition(LintContext c, Predicate predicate, SourcePath path)
    {
        switch (predicate)
        {
            case Predicate.Holds holds:
                c.Reference(path.Field("holds").Field("character"), "character", holds.Character, "a condition names the character");
                c.Reference(path.Field("holds").Field("item"), "item", holds.Item, "a condition names the item");
                break;
            case Predicate.At at:
                c.Reference(path.Field("at").Field("character"), "character", at.Character, "a condition names the character");
                c.Reference(path.Field("at").Field("location"), "location", at.Location, "a condition names the location");
                break;
            case Predicate.ItemAt itemAt:
                c.Reference(path.Field("item_at").Field("item"), "item", itemAt.Item, "a condition names the item");
                c.Reference(path.Field("item_at").Field("location"), "location", itemAt.Location, "a condition names the location");
                break;
            case Predicate.Carrying carrying:
                c.Reference(path.Field("carrying"), "item", carrying.Item, "a condition names the item");
                break;
            case Predicate.All all:
                for (var i = 0; i < all.Terms.Length; i++)
                {
                    Condition(c, all.Terms[i], path.Field("all").Index(i));
                }
                break;
            case Predicate.Any any:
                for (var i = 0; i < any.Terms.Length; i++)
                {
                    Condition(c, any.Terms[i], path.Field("any").Index(i));
                }
                break;
            case Predicate.Not not:
                Condition(c, not.Term, path.Field("not"));
                break;
        }
    }
}
