using System.Collections.Immutable;
using Microsoft.Extensions.AI;
using TaleForge.Content;
using TaleForge.Content.Opening;
using TaleForge.Content.Writing;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Grammar;
using TaleForge.LlamaCpp.Backends;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.Cli.Tests;

/// <summary>
/// Trajectories made as the game makes them: in the sample world Greywick a headless authored episode and a played
/// one (as Ines, with an undo); in a two-person cove an episode on a grammar-drawing stand-in model, and one on a
/// tiny random model through the real llama.cpp backend, its header describing the model as the command line would.
/// </summary>
internal static class Recorded
{
    public static string WorldSource => Path.Combine(Repository.Worlds, "greywick");

    public static WorldDefinition World { get; } = WorldLoader.LoadOrThrow(WorldSource);

    /// <summary>An episode of <paramref name="world"/> loaded from <paramref name="source"/>, with no model, nobody at the keyboard.</summary>
    private static EpisodeSpec Spec(WorldDefinition world, string source, long seed) => new() { World = WorldReference.Of(new OpenedWorld(Content.Opening.WorldSource.At(source), world, WorldHash.Of(world))), Seed = seed };

    public static async Task<string> AuthoredAsync(string folder, int rounds = 2)
    {
        var episode = new Episode("greywick-authored", World, Spec(World, WorldSource, seed: 3) with { RoundLimit = rounds, StopAfterScene = true });
        var results = await Simulator.RunAsync([episode], world => Cast.Authored(world), "test", folder, parallel: 1);
        return results.Single().Trajectory;
    }

    /// <summary>Ines (the player) speaks, is undone, then speaks again and waits twice.</summary>
    public static async Task<string> PlayedAsync(string folder)
    {
        var path = Path.Combine(folder, "greywick-played.jsonl");
        var cast = Cast.Authored(World, "ines");
        var spec = Spec(World, WorldSource, seed: 5) with { Player = "ines", RoundLimit = 3, StopAfterScene = true };
        using var writer = TrajectoryWriter.Create(path, spec.Header("test", DateTimeOffset.UnixEpoch));
        var session = new GameSession(World, cast, spec.SessionOptions(writer));
        await session.RunAsync();
        await session.SubmitAsync(new CharacterTurn { Action = "wipes the fog from the window", Dialogue = "Something is wrong at the tower." });
        session.Undo();
        await session.SubmitAsync(new CharacterTurn { Dialogue = "The lamp is dark. Someone must go up." });
        // Three rounds at most: a fourth turn would mean the round limit was lost.
        for (var turn = 0; session.AwaitingPlayer; turn++)
        {
            Assert.True(turn < 3, "the player was asked for a turn beyond the three-round limit");
            await session.SubmitAsync(CharacterTurn.Waiting("waits"));
        }
        Assert.True(session.IsFinished);
        return path;
    }

    /// <summary>A two-person world written to <paramref name="folder"/>: small prompts, so a tiny model answers quickly.</summary>
    public static (string Source, WorldDefinition World) Cove(string folder)
    {
        var source = Path.Combine(folder, "cove");
        WorldWriter.WriteFolder(new WorldDefinition
        {
            Info = new WorldInfo { Id = "cove", Title = "The Cove", StartScene = "dusk" },
            Locations = [new LocationDefinition { Id = "cove", Name = "the Cove", Description = "Wet sand and an upturned boat." }],
            Characters =
            [
                new CharacterDefinition { Id = "ada", Name = "Ada", Description = "A fisher, blunt.", Start = new CharacterStart { Location = "cove" } },
                new CharacterDefinition { Id = "ben", Name = "Ben", Description = "Her brother, restless.", Start = new CharacterStart { Location = "cove" } },
            ],
            Scenes =
            [
                new SceneDefinition
                {
                    Id = "dusk",
                    Title = "Dusk",
                    Location = "cove",
                    Description = "The tide turns.",
                    Participants = ["ada", "ben"],
                    End = new SceneEnd { MaxRounds = 1 },
                },
            ],
        }, source);
        return (source, WorldLoader.LoadOrThrow(source));
    }

    /// <summary>Two rounds in the cove with every role on the grammar model: character calls that all parse.</summary>
    public static async Task<string> GrammarEpisodeAsync(string folder)
    {
        var (source, world) = Cove(folder);
        var role = new ModelRole { Client = GrammarModel.Create(), Model = "grammar", ContextTokens = 8192 };
        var cast = new Cast
        {
            Characters = world.Characters.ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
            Narrator = new ModelNarrator(role),
        };
        var spec = Spec(world, source, seed: 11) with
        {
            RoundLimit = 2,
            Models = [new ModelReference { Role = Role.Characters, File = "grammar" }, new ModelReference { Role = Role.Narrator, File = "grammar" }],
        };
        var results = await Simulator.RunAsync([new Episode("cove-grammar", world, spec)], _ => cast, "test", folder, parallel: 1);
        return results.Single().Trajectory;
    }

    /// <summary>The tiny random model, as `taleforge model random --preset tiny --seed N` writes it.</summary>
    public static string TinyModel(string folder, ulong seed = 42)
    {
        return TinyModels.Write(Path.Combine(folder, $"tiny-{seed}.gguf"), seed);
    }

    /// <summary>
    /// One round in the cove with every role on the tiny model, loaded and described as the command line does for
    /// <c>-m tiny.gguf -t 1</c> with one sequence: the header's parameters are what a re-run must rebuild from.
    /// </summary>
    public static async Task<string> TinyModelEpisodeAsync(string folder, string model)
    {
        var (source, world) = Cove(folder);
        using var backend = await LlamaBackend.LoadAsync(model, new LlamaChatClientOptions { ContextSize = 4096, MaxSequences = 1, Threads = 1 }, threadsChosen: true);
        var reference = await backend.ReferenceAsync();
        var role = ModelRole.For(backend, Path.GetFileName(model), Sampling.Default);
        var cast = new Cast
        {
            Characters = world.Characters.ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
            Narrator = new ModelNarrator(role),
        };
        var spec = Spec(world, source, seed: 7) with
        {
            RoundLimit = 1,
            Models = [ModelReference.Of(Role.Characters, reference), ModelReference.Of(Role.Narrator, reference)],
        };
        var results = await Simulator.RunAsync([new Episode("cove-tiny", world, spec)], _ => cast, "test", folder, parallel: 1);
        return results.Single().Trajectory;
    }
}

/// <summary>One tiny-model episode for a whole test class: loading and generating are the slow part.</summary>
public sealed class TinyModelEpisode : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();

    public string Folder => _folder.Path;
    public string Model { get; private set; } = "";
    public string Trajectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Model = Recorded.TinyModel(_folder.Path);
        Trajectory = await Recorded.TinyModelEpisodeAsync(_folder.Path, Model);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
