using System.Collections.Immutable;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests;

public class ModelAgentTests
{
    private static (GameSession Session, Inference.Fakes.CallbackChatClient Model) ModelSession(long seed = 5, string? player = null)
    {
        var world = TestWorld.Harbour();
        var model = GrammarModel.Create();
        var role = new ModelRole { Client = model, Model = "grammar-model", ContextTokens = 8192 };
        var cast = new Cast
        {
            Player = player,
            Characters = world.Characters.Where(c => c.Id != player)
                .ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
            Narrator = new ModelNarrator(role),
            Director = true,
        };
        return (new GameSession(world, cast, new SessionOptions { Seed = seed, RoundLimit = 2, ReflectionThreshold = 2 }), model);
    }

    [Slow]
    [Fact]
    public async Task Every_phase_asks_a_typed_question_and_every_answer_parses_and_applies()
    {
        var (session, model) = ModelSession();

        await session.RunAsync();

        Assert.True(session.IsFinished);
        Assert.Equal(2, session.Log.Count(e => e.Event is WorldEvent.RoundStarted));
        Assert.All(session.Calls, call => Assert.Null(call.Failure));
        Assert.Equal(model.Calls.Count, session.Calls.Sum(c => c.Attempts.Length + 1));
        var schemas = session.Calls.Select(c => c.Schema).ToHashSet();
        string[] expected = ["beliefs", "direction", "character_turn", "influence", "result", "updates", "environment", "summary", "reflection"];
        Assert.All(expected, s => Assert.Contains(s, schemas));
        Assert.Contains(session.Log, e => e.Event is WorldEvent.BeliefsRevised);
    }

    [Slow]
    [Fact]
    public async Task The_same_seed_gives_the_same_play_through_and_another_seed_another()
    {
        static async Task<string> Run(long seed)
        {
            var (session, _) = ModelSession(seed);
            await session.RunAsync();
            return string.Join("\n", session.Log.Select(e => e.Event.ToString()));
        }

        var first = await Run(11);
        Assert.Equal(first, await Run(11));
        Assert.NotEqual(first, await Run(12));
    }

    [Slow]
    [Fact]
    public async Task Seeds_are_derived_from_the_episode_seed_step_and_role()
    {
        var (session, _) = ModelSession(seed: 3);
        await session.RunAsync();
        Assert.All(session.Calls, c => Assert.Equal(Inference.Seeds.SeedDerivation.Derive(3, c.Call.Step, c.Call.Role.ToString()), c.Call.Seed));
        Assert.Equal(session.Calls.Count, session.Calls.Select(c => c.Call.Step).Distinct().Count());
    }

    [Slow]
    [Fact]
    public async Task A_characters_prompt_never_holds_what_it_did_not_perceive()
    {
        var (session, model) = ModelSession(seed: 21);
        await session.RunAsync();

        var spoken = session.Log.Where(e => e.Event is WorldEvent.Said { Text.Length: > 12 }).ToList();
        Assert.NotEmpty(spoken);
        foreach (var call in model.Calls)
        {
            var role = call.Options?.AdditionalProperties?["taleforge.call"] is Inference.Calls.ModelCallContext context ? context.Role : "";
            if (!role.StartsWith("character:", StringComparison.Ordinal))
            {
                continue;
            }
            var character = role["character:".Length..];
            var prompt = string.Join("\n", call.Messages.Select(m => m.Text));
            foreach (var said in spoken.Where(e => !e.Observed.Observers.Contains(character)))
            {
                Assert.DoesNotContain(((WorldEvent.Said)said.Event).Text, prompt, StringComparison.Ordinal);
            }
        }
    }

    [Slow]
    [Fact]
    public async Task A_model_that_never_answers_properly_costs_turns_not_the_game()
    {
        var world = TestWorld.Harbour();
        var broken = new Inference.Fakes.CallbackChatClient((_, _) => "I refuse to answer in JSON.");
        var role = new ModelRole { Client = broken, Model = "broken", MaxAttempts = 2 };
        var cast = new Cast
        {
            Characters = world.Characters.ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
            Narrator = new ModelNarrator(role),
        };
        var session = new GameSession(world, cast, new SessionOptions { RoundLimit = 1 });

        await session.RunAsync();

        Assert.True(session.IsFinished);
        Assert.All(session.Calls, c => Assert.NotNull(c.Failure));
        Assert.All(session.Calls, c => Assert.Single(c.Attempts.Skip(1)));
        Assert.Equal(3, session.Log.Count(e => e.Event is WorldEvent.Acted { Action: "waits" }));
    }
}
