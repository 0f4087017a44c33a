using System.Collections.Immutable;
using Microsoft.Extensions.AI;
using TaleForge.Content;
using TaleForge.Content.Writing;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Session;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;
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

    private static TrajectoryHeader Template => new()
    {
        Taleforge = "test",
        Created = DateTimeOffset.UnixEpoch,
        World = new WorldReference("", "", "", ""),
        Seed = 0,
        Mode = "",
    };

    public static async Task<string> AuthoredAsync(string folder, int rounds = 2)
    {
        var episode = new Episode("greywick-authored", World, Seed: 3) { Rounds = rounds, OnlyThisScene = true, Source = WorldSource };
        var results = await Simulator.RunAsync([episode], world => Cast.Authored(world), Template, folder, parallel: 1);
        return results.Single().Trajectory;
    }

    /// <summary>Ines (the player) speaks, is undone, then speaks again and waits twice.</summary>
    public static async Task<string> PlayedAsync(string folder)
    {
        var path = Path.Combine(folder, "greywick-played.jsonl");
        var cast = Cast.Authored(World, "ines");
        var options = new SessionOptions { Seed = 5, RoundLimit = 3, StopAfterScene = true };
        using var writer = TrajectoryWriter.Create(path, TrajectoryHeader.For(World, WorldSource, cast, options, [], "test"));
        writer.Attach(WorldState.Initial(World));
        var session = new GameSession(World, cast, options with { Trajectory = writer });
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
        var header = Template with { Models = [new ModelReference { Role = "characters", File = "grammar" }, new ModelReference { Role = "narrator", File = "grammar" }] };
        var episode = new Episode("cove-grammar", world, Seed: 11) { Rounds = 2, Source = source };
        var results = await Simulator.RunAsync([episode], _ => cast, header, folder, parallel: 1);
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
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ctx_size"] = "4096",
            ["n_gpu_layers"] = "0",
            ["parallel"] = "1",
            ["temp"] = "0.8",
            ["threads"] = "1",
            ["top_p"] = "0.95",
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model)));
        ModelReference Reference(string role) => new()
        {
            Role = role,
            File = Path.GetFileName(model),
            Bytes = new FileInfo(model).Length,
            Sha256 = hash,
            Backend = "llama.cpp",
            Parameters = parameters,
        };
        using var client = await LlamaChatClient.LoadAsync(model, new LlamaChatClientOptions { ContextSize = 4096, MaxSequences = 1, Threads = 1 });
        var role = new ModelRole
        {
            Client = client,
            Model = Path.GetFileName(model),
            Sampling = new ChatOptions { Temperature = 0.8f, TopP = 0.95f },
            ContextTokens = client.ContextSize,
            CountTokens = text => client.Model.Tokenize(text).Length,
        };
        var cast = new Cast
        {
            Characters = world.Characters.ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
            Narrator = new ModelNarrator(role),
        };
        var header = Template with { Models = [Reference("characters"), Reference("narrator")] };
        var episode = new Episode("cove-tiny", world, Seed: 7) { Rounds = 1, Source = source };
        var results = await Simulator.RunAsync([episode], _ => cast, header, folder, parallel: 1);
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
