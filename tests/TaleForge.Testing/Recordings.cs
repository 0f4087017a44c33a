using System.Collections.Immutable;
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
using Xunit;

namespace TaleForge.Testing;

/// <summary>
/// Trajectories made the way the game makes them, in a temporary folder: a simulated episode (every role a model,
/// here the grammar model) and a played one (a person as Mara, with a look, an undo and a retry), both in the
/// harbour world written to disk so a replay can load it back from the header's source.
/// </summary>
public sealed class Recordings : IDisposable
{
    public Recordings()
    {
        var source = Path.Combine(Folder, "harbour");
        WorldWriter.WriteFolder(TestWorld.Harbour(), source);
        World = WorldLoader.LoadOrThrow(source);
        WorldSource = source;
    }

    public string Folder { get; } = Directory.CreateTempSubdirectory("taleforge-replay-").FullName;
    public WorldDefinition World { get; }
    public string WorldSource { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Every role played by <paramref name="client"/> (the grammar model by default), the director too.</summary>
    public Cast ModelCast(Microsoft.Extensions.AI.IChatClient? client = null, string? player = null)
    {
        var role = new ModelRole { Client = client ?? GrammarModel.Create(), Model = "grammar-model", ContextTokens = 8192 };
        return new Cast
        {
            Player = player,
            Characters = World.Characters.Where(c => c.Id != player)
                .ToImmutableSortedDictionary(c => c.Id, _ => (ICharacterAgent)new ModelCharacter(role), StringComparer.Ordinal),
            Narrator = new ModelNarrator(role),
            Director = true,
        };
    }

    public static ImmutableArray<ModelReference> GrammarModelReference =>
        [new ModelReference { Role = Role.Characters, File = "grammar-model" }, new ModelReference { Role = Role.Narrator, File = "grammar-model" }];

    /// <summary>The spec of an episode of this world played by <paramref name="cast"/> with <paramref name="options"/>.</summary>
    public EpisodeSpec Spec(Cast cast, SessionOptions options, ImmutableArray<ModelReference> models) => new()
    {
        World = WorldReference.Of(new OpenedWorld(Content.Opening.WorldSource.At(WorldSource), World, WorldHash.Of(World))),
        Player = cast.Player,
        Director = cast.Director,
        Models = models,
        Seed = options.Seed,
        StartScene = options.StartScene,
        RoundLimit = options.RoundLimit,
        StopAfterScene = options.StopAfterScene,
        ReflectionThreshold = options.ReflectionThreshold,
    };

    /// <summary>A headless episode of <paramref name="rounds"/> rounds through the simulator, as `simulate` runs one.</summary>
    public async Task<string> SimulatedAsync(string name, Cast cast, int rounds = 2, long seed = 9)
    {
        var spec = Spec(cast, new SessionOptions { Seed = seed, RoundLimit = rounds }, cast.IsAuthored ? [] : GrammarModelReference);
        var results = await Simulator.RunAsync([new Episode(name, World, spec)], _ => cast, "test", Folder, parallel: 1);
        return results.Single().Trajectory;
    }

    /// <summary>
    /// A person plays Mara: looks around, takes the lantern, goes north, undoes that, retries the lantern turn,
    /// then goes north for good. The file holds the abandoned branches beside the kept one.
    /// </summary>
    public async Task<(string Path, GameSession Session)> PlayedAsync(string name, Cast cast, long seed = 4)
    {
        var path = Path.Combine(Folder, name + ".jsonl");
        var options = new SessionOptions { Seed = seed, RoundLimit = 3 };
        using var writer = TrajectoryWriter.Create(path, Spec(cast, options, cast.IsAuthored ? [] : GrammarModelReference).Header("test", DateTimeOffset.UnixEpoch));
        var session = new GameSession(World, cast, options with { Trajectory = writer });
        await session.RunAsync();
        session.Ask("mara", new Query.Look());
        await session.SubmitAsync(Take);
        await session.SubmitAsync(North);
        Assert.True(session.Undo());
        Assert.True(session.Undo());
        await session.SubmitAsync(Take);
        await session.SubmitAsync(North);
        return (path, session);
    }

    public static CharacterTurn Take { get; } = new() { Action = "reaches for the lamp", Command = new WorldCommand.Take("lantern"), Dialogue = "Mine now." };
    public static CharacterTurn North { get; } = new() { Command = new WorldCommand.Go("north") };
}
