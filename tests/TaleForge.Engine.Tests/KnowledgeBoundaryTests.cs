using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests;

public class KnowledgeBoundaryTests
{
    [Fact]
    public async Task No_character_is_shown_an_observation_of_an_event_it_did_not_perceive()
    {
        var world = TestWorld.Harbour();
        world = world with { Scenes = [world.Scenes[0] with { Participants = ["mara", "tomas", "ines"] }] };
        var agents = new Dictionary<string, ScriptedCharacter>
        {
            ["mara"] = new(turn: v => v.Scene.Round == 1
                ? new CharacterTurn { Command = new WorldCommand.Go("north") }
                : new CharacterTurn { Dialogue = $"secret-{v.Scene.Round}-from-mara" }),
            ["tomas"] = new(turn: v => new CharacterTurn { Action = $"whittles-{v.Scene.Round}" }),
            ["ines"] = new(turn: v => new CharacterTurn { Action = $"trims-the-wick-{v.Scene.Round}" }),
        };
        var cast = new Cast
        {
            Characters = agents.ToImmutableSortedDictionary(a => a.Key, a => (ICharacterAgent)a.Value, StringComparer.Ordinal),
            Narrator = new Authored.RulesNarrator(),
        };
        var session = new GameSession(world, cast);

        await session.RunAsync();

        foreach (var (id, agent) in agents)
        {
            Assert.NotEmpty(agent.Views);
            foreach (var observation in agent.Views.SelectMany(v => v.Observations))
            {
                var entry = session.Log.Single(e => e.Step == observation.Step);
                Assert.Contains(id, entry.Observed.Observers);
            }
        }
        // Tomas stays on the quay: he cannot see Ines in the tower, but hears Mara there through the audible doorway.
        var tomasKnows = agents["tomas"].Views.SelectMany(v => v.Observations).Select(o => o.Text).ToList();
        Assert.Contains(tomasKnows, t => t.Contains("secret-2-from-mara", StringComparison.Ordinal));
        Assert.DoesNotContain(tomasKnows, t => t.Contains("trims-the-wick", StringComparison.Ordinal));
        Assert.DoesNotContain(agents["ines"].Views.SelectMany(v => v.Observations), o => o.Text.Contains("whittles", StringComparison.Ordinal));
    }
}
