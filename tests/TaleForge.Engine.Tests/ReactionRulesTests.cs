using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests;

/// <summary>A reaction goes through the rules exactly as the same decision taken as a turn.</summary>
public class ReactionRulesTests
{
    private static Cast CastOf(WorldDefinition world, INarratorAgent narrator, params (string Id, ICharacterAgent Agent)[] agents) => new()
    {
        Characters = world.Characters.ToImmutableSortedDictionary(
            c => c.Id,
            c => agents.FirstOrDefault(a => a.Id == c.Id).Agent ?? new ScriptedCharacter(),
            StringComparer.Ordinal),
        Narrator = narrator,
    };

    /// <summary>Tomas's events in round 1, phase by phase: his reaction to Mara's hail, or his own turn.</summary>
    private static async Task<List<WorldEvent>> TomasInRoundOneAsync(Reaction? reaction, CharacterTurn? turn)
    {
        var world = TestWorld.Harbour();
        world = world with { Scenes = [world.Scenes[0] with { End = new SceneEnd { MaxRounds = 1 } }] };
        var mara = new ScriptedCharacter(turn: _ => new CharacterTurn { Action = "hails", Targets = ["tomas"] });
        var tomas = new ScriptedCharacter(turn: _ => turn ?? CharacterTurn.Waiting("waits"), react: (_, _) => reaction);
        var narrator = new ScriptedNarrator(influence: (_, t) => reaction is null ? [] : [.. t.Targets.Select(target => new Influence(target, "hailed"))]);
        var session = new GameSession(world, CastOf(world, narrator, ("mara", mara), ("tomas", tomas)));

        await session.RunAsync();

        var phase = reaction is null ? NarratorPhase.ActorTurn : NarratorPhase.Reaction;
        return [.. session.Log.Where(e => e.Round == 1 && e.Actor == "tomas" && e.Phase == phase).Select(e => e.Event)];
    }

    [Fact]
    public async Task A_reaction_that_takes_what_cannot_be_carried_is_vetoed_exactly_as_the_same_turn()
    {
        var asReaction = await TomasInRoundOneAsync(
            new Reaction("heaves at the anchor") { Command = new WorldCommand.Take("anchor"), Emotion = "proud" }, null);
        var asTurn = await TomasInRoundOneAsync(
            null, new CharacterTurn { Action = "heaves at the anchor", Command = new WorldCommand.Take("anchor"), Emotion = "proud", Targets = ["mara"] });

        Assert.Equal(
            [new WorldEvent.Acted("tomas", "heaves at the anchor") { Targets = ["mara"] }, new WorldEvent.Vetoed("tomas", "take the old anchor", new VetoReason.NotPortable("anchor"))],
            asReaction);
        Assert.Equal(asTurn, asReaction);
    }

    [Fact]
    public async Task A_reaction_that_hands_over_what_it_carries_moves_the_item_as_a_turn_would()
    {
        var asReaction = await TomasInRoundOneAsync(
            new Reaction("holds out the key") { Command = new WorldCommand.Give("key", "mara"), Dialogue = "Take it." }, null);
        var asTurn = await TomasInRoundOneAsync(
            null, new CharacterTurn { Action = "holds out the key", Command = new WorldCommand.Give("key", "mara"), Dialogue = "Take it.", Targets = ["mara"] });

        Assert.Equal(
            [
                new WorldEvent.Acted("tomas", "holds out the key") { Targets = ["mara"] },
                new WorldEvent.Gave("tomas", "key", "mara"),
                new WorldEvent.Said("tomas", "Take it.") { To = ["mara"] },
            ],
            asReaction);
        Assert.Equal(asTurn, asReaction);
    }
}
