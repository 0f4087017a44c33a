using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TaleForge.Cli.Models;
using TaleForge.Content;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge simulate SOURCE --out DIR</c>: play a world, or CharacterBox scenes, with every character an
/// agent and no one at the keyboard, writing one trajectory per episode. For researchers.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A world (name or folder), or a CharacterBox scene file (.json)." };
        var scene = new Option<string?>("--scene") { Description = "Play only this scene (its id)." };
        var rounds = new Option<int?>("--rounds") { Description = "Rounds per scene at most (CharacterBox plays 3)." };
        var seed = new Option<long>("--seed") { Description = "Seed of the first episode; episode i uses seed + i.", DefaultValueFactory = _ => 1 };
        var episodes = new Option<int>("--episodes") { Description = "Episodes per scene (different seeds).", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Episodes run at once; with a model their requests are batched together.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the trajectories (created if missing).", Required = true };
        var dir = WorldsDirectoryOption.Create();
        var models = new ModelOptions();
        var command = new Command("simulate", "Play headless with every character an agent, and record the trajectories.")
        {
            source, scene, rounds, seed, episodes, parallel, output, dir,
        };
        models.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(rounds) is < 1 || parse.GetValue(episodes) < 1 || parse.GetValue(parallel) < 1)
            {
                throw new TaleForgeException("--rounds, --episodes and --parallel must be at least 1.");
            }
            var (world, scenes, origin) = Open(parse.GetValue(source)!, parse.GetValue(scene), parse.GetValue(dir));
            var folder = parse.GetValue(output)!.FullName;

            await using var cast = await models.CastAsync(parse, world, player: null, error, cancellation);
            var spec = cast.Spec(WorldReference.Of(world, origin), parse.GetValue(seed));
            var plan = new List<Episode>();
            foreach (var start in scenes)
            {
                for (var i = 0; i < parse.GetValue(episodes); i++)
                {
                    var episodeSeed = parse.GetValue(seed) + i;
                    var name = string.Create(CultureInfo.InvariantCulture, $"{world.Info.Id}-{start ?? "story"}-seed{episodeSeed}");
                    plan.Add(new Episode(name, world, spec with
                    {
                        Seed = episodeSeed,
                        StartScene = start,
                        StopAfterScene = start is not null,
                        RoundLimit = parse.GetValue(rounds),
                    }));
                }
            }
            var existing = plan.Select(e => Path.Combine(folder, e.Name + ".jsonl")).Where(File.Exists).ToList();
            if (existing.Count > 0)
            {
                throw new TaleForgeException($"{existing[0]} already exists; trajectories are never overwritten. Choose another --out folder or --seed.");
            }

            var display = new SimulationProgress(error, plan.Count);
            await stdout.WriteLineAsync(cast.Cast.IsAuthored
                ? $"Simulating {plan.Count} episode(s) in authored mode (no --model given)."
                : $"Simulating {plan.Count} episode(s) with {cast.Description}.");
            var results = await Simulator.RunAsync(plan, _ => cast.Cast, VersionAction.Version, folder, parse.GetValue(parallel), display, cancellation);
            display.Finish();

            foreach (var result in results)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Name}: {result.Rounds} rounds, {result.Events} events, {result.ModelCalls} model calls ({result.FailedCalls} failed), {result.Wall.TotalSeconds:F1} s -> {result.Trajectory}"));
            }
            var summary = Path.Combine(folder, "summary.json");
            await File.WriteAllTextAsync(summary, JsonSerializer.Serialize(results, TrajectoryJson.Options) + "\n", cancellation);
            await stdout.WriteLineAsync($"Summary: {summary}");
            return 0;
        });
        return command;
    }

    /// <summary>The world to simulate, the scenes to start from (null: the world's own start), and where it came from.</summary>
    private static (WorldDefinition World, IReadOnlyList<string?> Scenes, string Origin) Open(string source, string? scene, string? dir)
    {
        if (source.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var imported = Content.Importers.CharacterBox.CharacterBoxImporter.Load(source, scene);
            // CharacterBox evaluates each scene on its own: one episode per scene.
            return (imported, [.. imported.Scenes.Select(s => (string?)s.Id)], Path.GetFullPath(source));
        }
        var folder = PlayCommand.ResolveWorld(source, dir);
        var world = WorldLoader.LoadOrThrow(folder);
        if (scene is not null && world.FindScene(scene) is null)
        {
            throw new TaleForgeException($"the world '{world.Info.Id}' has no scene '{scene}'; its scenes are {string.Join(", ", world.Scenes.Select(s => s.Id))}.");
        }
        return (world, [scene], Path.GetFullPath(folder));
    }
}
