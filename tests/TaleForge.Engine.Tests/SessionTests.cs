using System.Collections.Immutable;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Tests;

public class SessionTests
{
    private static Cast CastOf(WorldDefinition world, INarratorAgent narrator, params (string Id, ICharacterAgent Agent)[] agents) => new()
    {
        Characters = world.Characters.ToImmutableSortedDictionary(
            c => c.Id,
            c => agents.FirstOrDefault(a => a.Id == c.Id).Agent ?? new ScriptedCharacter(),
            StringComparer.Ordinal),
        Narrator = narrator,
    };

    private static List<Type> Kinds(GameSession session) => [.. session.Log.Select(e => e.Event.GetType())];

    [Fact]
    public async Task Observer_mode_plays_every_round_and_ends_the_story()
    {
        var world = TestWorld.Harbour();
        var session = new GameSession(world, Cast.Authored(world));

        await session.RunAsync();

        Assert.True(session.IsFinished);
        Assert.Equal(3, session.Log.Count(e => e.Event is WorldEvent.RoundStarted));
        Assert.Equal(new WorldEvent.SceneEnded("arrival", "rounds"), session.Log.Single(e => e.Event is WorldEvent.SceneEnded).Event);
        Assert.IsType<WorldEvent.StoryEnded>(session.Log[^1].Event);
        Assert.Equal("arrival", session.State.Ending);
        Assert.Equal(new Core.State.GameTime(1, 18 * 60 + 30), session.State.Clock);
    }

    [Fact]
    public async Task Each_round_moves_through_the_phases_in_characterbox_order()
    {
        var world = TestWorld.Harbour();
        var session = new GameSession(world, Cast.Authored(world));
        var phases = new List<NarratorPhase>();
        for (var i = 0; i < 500 && !session.IsFinished; i++)
        {
            phases.Add(session.Narrator.Phase);
            await session.StepAsync();
        }

        NarratorPhase[] firstTurn =
        [
            NarratorPhase.SceneSetup, NarratorPhase.RoundStart, NarratorPhase.Direction, NarratorPhase.ActorTurn,
            NarratorPhase.Influence, NarratorPhase.Result, NarratorPhase.Updates, NarratorPhase.ActorTurn,
        ];
        Assert.Equal(firstTurn, phases.Take(firstTurn.Length));
        Assert.Contains(NarratorPhase.RoundEnd, phases);
        Assert.Equal(NarratorPhase.Finished, session.Narrator.Phase);
    }

    [Fact]
    public async Task A_character_that_reacts_loses_its_turn_and_next_round_follows_completion_order()
    {
        var world = TestWorld.Harbour();
        var tomas = new ScriptedCharacter(react: (_, cue) => new Reaction("nods") { Dialogue = "Aye." });
        var mara = new ScriptedCharacter(turn: _ => new CharacterTurn { Action = "hails", Targets = ["tomas"] });
        var ines = new ScriptedCharacter();
        var narrator = new ScriptedNarrator(influence: (_, turn) => [.. turn.Targets.Select(t => new Influence(t, "startled"))]);
        var session = new GameSession(world, CastOf(world, narrator, ("mara", mara), ("tomas", tomas), ("ines", ines)));

        await session.RunAsync();

        var roundOne = session.Log.Where(e => e.Round == 1 && e.Actor is not null).Select(e => (e.Actor, e.Event.GetType().Name)).Distinct().ToList();
        Assert.Equal([("mara", "Acted"), ("tomas", "Acted"), ("tomas", "Said"), ("ines", "Acted")], roundOne);
        var roundTwoActors = session.Log.Where(e => e.Round == 2 && e.Event is WorldEvent.Acted && e.Phase == NarratorPhase.ActorTurn)
            .Select(e => e.Actor).ToList();
        Assert.Equal(["mara", "ines"], roundTwoActors);
    }

    [Fact]
    public async Task Under_a_fixed_order_reacting_costs_no_turn()
    {
        var world = TestWorld.Harbour();
        world = world with { Scenes = [world.Scenes[0] with { TurnOrder = TurnOrder.Fixed, End = new SceneEnd { MaxRounds = 1 } }] };
        var mara = new ScriptedCharacter(turn: _ => new CharacterTurn { Action = "hails", Targets = ["tomas"] });
        var tomas = new ScriptedCharacter(react: (_, _) => new Reaction("nods"));
        var narrator = new ScriptedNarrator(influence: (_, turn) => [.. turn.Targets.Select(t => new Influence(t, ""))]);
        var session = new GameSession(world, CastOf(world, narrator, ("mara", mara), ("tomas", tomas)));

        await session.RunAsync();

        var turns = session.Log.Where(e => e.Phase == NarratorPhase.ActorTurn && e.Event is WorldEvent.Acted).Select(e => e.Actor);
        Assert.Equal(["mara", "tomas", "ines"], turns);
    }

    [Fact]
    public async Task The_scene_ends_as_soon_as_its_goal_holds()
    {
        var world = TestWorld.Harbour();
        var tomas = new ScriptedCharacter(turn: _ => new CharacterTurn { Command = new WorldCommand.Give("key", "mara") });
        var maraMoves = new Queue<string>(["north", "up"]);
        var mara = new ScriptedCharacter(turn: _ => new CharacterTurn { Command = new WorldCommand.Go(maraMoves.Count > 0 ? maraMoves.Dequeue() : "down") });
        var cast = CastOf(world, new ScriptedNarrator(), ("mara", mara), ("tomas", tomas)) with { };
        // Tomas must give the key before Mara's second move: put him first.
        world = world with { Scenes = [world.Scenes[0] with { Participants = ["tomas", "mara", "ines"] }] };
        var session = new GameSession(world, cast);

        await session.RunAsync();

        Assert.Equal(new WorldEvent.SceneEnded("arrival", "goal"), session.Log.Single(e => e.Event is WorldEvent.SceneEnded).Event);
        Assert.Equal("lamp_room", session.State.LocationOf("mara"));
        Assert.Equal(2, session.State.Scene!.Round);
    }

    [Fact]
    public async Task A_vetoed_move_is_narrated_and_affects_no_one()
    {
        var world = TestWorld.Harbour();
        var affectedAsked = 0;
        var mara = new ScriptedCharacter(turn: _ => new CharacterTurn { Command = new WorldCommand.Go("west"), Targets = [] });
        var narrator = new ScriptedNarrator(influence: (_, _) => { affectedAsked++; return [new Influence("tomas", "x")]; });
        world = world with { Scenes = [world.Scenes[0] with { End = new SceneEnd { MaxRounds = 1 }, Participants = ["mara"] }] };
        var session = new GameSession(world, CastOf(world, narrator, ("mara", mara)));

        await session.RunAsync();

        var veto = Assert.Single(session.Log.Select(e => e.Event).OfType<WorldEvent.Vetoed>());
        Assert.Equal(new VetoReason.NoSuchExit("west"), veto.Reason);
        Assert.Equal(0, affectedAsked);
        Assert.Equal("quay", session.State.LocationOf("mara"));
    }

    [Fact]
    public async Task The_narrator_can_only_affect_and_update_those_present_and_involved()
    {
        var world = TestWorld.Harbour();
        world = world with { Scenes = [world.Scenes[0] with { End = new SceneEnd { MaxRounds = 1 }, Participants = ["mara"] }] };
        var mara = new ScriptedCharacter(turn: _ => new CharacterTurn { Action = "shouts" });
        var narrator = new ScriptedNarrator(
            influence: (_, _) => [new Influence("ines", "far away"), new Influence("tomas", "hears"), new Influence("mara", "self")],
            updates: (_, _) =>
            [
                new CharacterUpdate("ines") { Emotion = "alarmed" },
                new CharacterUpdate("tomas") { Position = "by the bollard", Emotion = new string('x', 500) },
            ]);
        var session = new GameSession(world, CastOf(world, narrator, ("mara", mara)));

        await session.RunAsync();

        Assert.Equal("by the bollard", session.State.Character("tomas").Position);
        Assert.Equal(200, session.State.Character("tomas").Emotion.Length);
        Assert.Equal("calm", session.State.Character("ines").Emotion);
    }

    [Fact]
    public async Task Triggers_fire_once_set_flags_and_change_the_environment()
    {
        var world = TestWorld.Harbour();
        var scene = world.Scenes[0] with
        {
            End = new SceneEnd { MaxRounds = 3 },
            Triggers =
            [
                new TriggerDefinition
                {
                    Id = "squall",
                    When = new Predicate.RoundAtLeast(2),
                    Narrate = "A squall sweeps the quay.",
                    Environment = "Rain lashes the stones.",
                    SetFlags = ["storm"],
                },
            ],
        };
        world = world with { Scenes = [scene] };
        var session = new GameSession(world, Cast.Authored(world));

        await session.RunAsync();

        var fired = Assert.Single(session.Log, e => e.Event is WorldEvent.TriggerFired);
        Assert.Equal(new WorldEvent.TriggerFired("squall"), fired.Event);
        Assert.Equal(2, fired.Round);
        Assert.Contains("storm", session.State.Flags);
        Assert.Equal("Rain lashes the stones.", session.State.Scene!.Environment);
        var narration = session.Log.Single(e => e.Event is WorldEvent.Narrated { Kind: NarrationKind.Trigger });
        Assert.Equal(2, narration.Round);
        Assert.Equal<string>(["mara", "tomas"], narration.Observed.Observers);
    }

    [Fact]
    public async Task A_transition_whose_condition_holds_opens_the_next_scene()
    {
        var world = TestWorld.Harbour();
        var first = world.Scenes[0] with
        {
            End = new SceneEnd { MaxRounds = 1 },
            Transitions = [new SceneTransition("never") { When = new Predicate.Flag("nope") }, new SceneTransition("night")],
        };
        var never = new SceneDefinition { Id = "never", Location = "quay", End = new SceneEnd { MaxRounds = 1 } };
        var night = new SceneDefinition { Id = "night", Title = "Night", Location = "tower", End = new SceneEnd { MaxRounds = 1 }, Participants = ["ines"] };
        world = world with { Scenes = [first, never, night] };
        var session = new GameSession(world, Cast.Authored(world));

        await session.RunAsync();

        Assert.Equal(["arrival", "night"], session.Log.Select(e => e.Event).OfType<WorldEvent.SceneStarted>().Select(s => s.Scene));
        Assert.Equal("night", session.State.Ending);
    }

    [Fact]
    public async Task Opening_beats_are_round_zero_and_observed_by_those_present()
    {
        var world = TestWorld.Harbour();
        world = world with { Scenes = [world.Scenes[0] with { Opening = [new OpeningBeat("tomas", "coils a rope") { Dialogue = "Late again." }] }] };
        var session = new GameSession(world, Cast.Authored(world));

        await session.StepAsync();

        var said = session.Log.Single(e => e.Event is WorldEvent.Said);
        Assert.Equal(0, said.Round);
        Assert.Equal<string>(["ines", "mara", "tomas"], said.Observed.Observers);
        Assert.Contains(session.ObservationsOf("mara"), o => o.Text == "Tomas Reyes says: \u201cLate again.\u201d");
    }

    [Fact]
    public async Task A_gathering_scene_brings_its_cast_to_its_location_and_an_ordinary_one_moves_no_one()
    {
        var world = TestWorld.Harbour();
        var tower = world.Scenes[0] with { Location = "tower", Participants = ["mara", "ines"], End = new SceneEnd { MaxRounds = 1 } };
        var gathering = new GameSession(world with { Scenes = [tower with { Gather = true }] }, Cast.Authored(world));
        var staying = new GameSession(world with { Scenes = [tower] }, Cast.Authored(world));

        await gathering.StepAsync();
        await staying.StepAsync();

        Assert.Equal(new WorldEvent.Gathered("mara", "quay", "tower"), gathering.Log.Single(e => e.Event is WorldEvent.Gathered).Event);
        Assert.Equal("tower", gathering.State.LocationOf("mara"));
        Assert.Equal("quay", gathering.State.LocationOf("tomas"));
        Assert.Equal("quay", staying.State.LocationOf("mara"));
    }
}
