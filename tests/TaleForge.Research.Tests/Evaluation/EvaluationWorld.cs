using System.Collections.Immutable;
using TaleForge.Content.Opening;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Tests.Evaluation;

/// <summary>
/// A scripted episode whose every number is known. Everyone stands on the quay. Scene "arrival" (2 rounds):
/// Mara, then Ines, then Tomas. Ines names Mara's secret word "ledger" in round 1 before anyone said it (a leak);
/// Tomas says it after her, but he knows of the ledger from the start; in round 2 Ines says it again, having heard
/// Tomas (allowed), Mara says it (her own secret), and Tomas tries to take the anchor (vetoed: not portable).
/// Scene "quiet" (1 round): Mara alone. The narrator answers every turn with "The gulls cry."
/// Models, from the header: Mara and Tomas alpha.gguf, Ines beta.gguf, the narrator gamma.gguf.
/// </summary>
internal static class EvaluationWorld
{
    public static WorldDefinition World()
    {
        var harbour = TestWorld.Harbour();
        return harbour with
        {
            Characters =
            [
                harbour.Character("mara") with
                {
                    Description = "A harbour clerk with ink on her cuffs.",
                    Personality = new Personality { BigFive = new BigFive(0.8, 0.6, 0.5, 0.4, 0.2) },
                    Player = false,
                },
                harbour.Character("tomas") with { Knowledge = ["The harbour master keeps the ledger in the tower."] },
                harbour.Character("ines") with { Start = new CharacterStart { Location = "quay" } },
            ],
            Scenes =
            [
                new SceneDefinition
                {
                    Id = "arrival",
                    Title = "Arrival",
                    Event = "The boat is late.",
                    Location = "quay",
                    Description = "Dusk on the quay.",
                    Participants = ["mara", "ines", "tomas"],
                    TurnOrder = TurnOrder.Fixed,
                    End = new SceneEnd { MaxRounds = 2 },
                    Transitions = [new SceneTransition("quiet")],
                },
                new SceneDefinition
                {
                    Id = "quiet",
                    Title = "Quiet",
                    Location = "quay",
                    Participants = ["mara"],
                    TurnOrder = TurnOrder.Fixed,
                    End = new SceneEnd { MaxRounds = 1 },
                },
            ],
        };
    }

    public static EpisodeSpec Spec(WorldDefinition world) => new()
    {
        World = new WorldReference(world.Info.Id, world.Info.Title, "memory", WorldHash.Of(world)),
        Seed = 3,
        Models =
        [
            new ModelReference { Role = Role.Characters, File = "alpha.gguf" },
            new ModelReference { Role = Role.Character("ines"), File = "beta.gguf" },
            new ModelReference { Role = Role.Narrator, File = "gamma.gguf" },
        ],
    };

    public static TrajectoryHeader Header(WorldDefinition world) =>
        Spec(world).Header("test", new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Plays the scripted episode into <paramref name="path"/> and opens it for evaluation.</summary>
    public static async Task<PlayedEpisode> PlayAsync(string path)
    {
        var world = World();
        static CharacterTurn Turn(string action, string line, WorldCommand? command = null) =>
            new() { Action = action, Dialogue = line, Command = command };
        var mara = new ScriptedCharacter(view => (view.Scene.Id, view.Scene.Round) switch
        {
            ("arrival", 1) => Turn("glances at the water", "Quiet night."),
            ("arrival", _) => Turn("folds her arms", "Leave the ledger be."),
            _ => Turn("lights the lantern", "Home, then."),
        });
        var ines = new ScriptedCharacter(view => view.Scene.Round == 1
            ? Turn("frowns at the tower", "Someone burned the ledger.")
            : Turn("shrugs", "The ledger again."));
        var tomas = new ScriptedCharacter(view => view.Scene.Round == 1
            ? Turn("counts the ropes", "The ledger is safe with the master.")
            : Turn("braces himself", "Help me with this.", new WorldCommand.Take("anchor")));
        var cast = new Cast
        {
            Characters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, ICharacterAgent>
            {
                ["mara"] = mara,
                ["ines"] = ines,
                ["tomas"] = tomas,
            }),
            Narrator = new ScriptedNarrator(result: (_, _) => "The gulls cry."),
        };
        using (var writer = TrajectoryWriter.Create(path, Header(world)))
        {
            var session = new GameSession(world, cast, Spec(world).SessionOptions(writer));
            await session.RunAsync();
        }
        return PlayedEpisode.Open(RecordedTrajectory.Read(path), TestWorld.Opened(world));
    }
}
