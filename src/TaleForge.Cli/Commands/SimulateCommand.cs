using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TaleForge.Cli.Models;
using TaleForge.Content.Opening;
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
        var source = new Argument<string>("source") { Description = "A world (name, folder or file), or a CharacterBox scene file (.json; FILE.json#scene=ID for one scene)." };
        var scene = new Option<string?>("--scene") { Description = "Play only this scene (its id)." }.NotBlank();
        var rounds = new Option<int?>("--rounds") { Description = "Rounds per scene at most (CharacterBox plays 3)." }.Within(OptionRanges.Rounds);
        var seed = new Option<long>("--seed") { Description = "Seed of the first episode; episode i uses seed + i.", DefaultValueFactory = _ => 1 };
        var episodes = new Option<int>("--episodes") { Description = "Episodes per scene (different seeds).", DefaultValueFactory = _ => 1 }.Within(OptionRanges.Episodes);
        var parallel = new Option<int>("--parallel") { Description = "Episodes run at once; with a model their requests are batched together.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.Parallel);
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the trajectories (created if missing).", Required = true }.NotBlank();
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
            var (world, starts) = Open(parse.GetValue(source)!, parse.GetValue(scene), parse.GetValue(dir));
            var folder = parse.GetValue(output)!.FullName;

            // One cast for every episode: the scenes of a CharacterBox file share the work's character ids.
            await using var cast = await models.CastAsync(parse, world, player: null, error, cancellation);
            var spec = cast.Spec(WorldReference.Of(starts[0].World), parse.GetValue(seed));
            var plan = new List<Episode>();
            foreach (var (opened, start) in starts)
            {
                for (var i = 0; i < parse.GetValue(episodes); i++)
                {
                    var episodeSeed = parse.GetValue(seed) + i;
                    var name = string.Create(CultureInfo.InvariantCulture, $"{opened.Definition.Info.Id}-{start ?? "story"}-seed{episodeSeed}");
                    plan.Add(new Episode(name, opened.Definition, spec with
                    {
                        World = WorldReference.Of(opened),
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

    /// <summary>
    /// The world the cast is made for, and each episode's world with the scene it starts from (null: the world's own
    /// start). A CharacterBox file without --scene is every scene on its own, as CharacterBox evaluates them: each on
    /// that scene's one-scene import, so its people have that scene's description, state and position.
    /// </summary>
    private static (WorldDefinition World, IReadOnlyList<(OpenedWorld World, string? Scene)> Starts) Open(string source, string? scene, string? dir)
    {
        var resolved = PlayCommand.ResolveWorld(source, dir).Absolute();
        if (resolved.IsCharacterBox)
        {
            if (scene is not null && resolved.Scene is not null && scene != resolved.Scene)
            {
                throw new TaleForgeException($"{resolved} names scene '{resolved.Scene}' and --scene names '{scene}'; give the scene once.");
            }
            var chosen = scene is null ? resolved : resolved.WithScene(scene);
            var opened = chosen.Open();
            if (chosen.Scene is not null)
            {
                return (opened.Definition, [(opened, opened.Definition.Info.StartScene)]);
            }
            return (opened.Definition, [.. opened.Definition.Scenes.Select(s => (chosen.WithScene(s.Id).Open(), (string?)s.Id))]);
        }
        var world = resolved.Open();
        if (scene is not null && world.Definition.FindScene(scene) is null)
        {
            throw new TaleForgeException($"the world '{world.Definition.Info.Id}' has no scene '{scene}'; its scenes are {string.Join(", ", world.Definition.Scenes.Select(s => s.Id))}.");
        }
        return (world.Definition, [(world, scene)]);
    }
}
