using System.CommandLine;
using System.Globalization;
using TaleForge.Cli.Models;
using TaleForge.CommandLine;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Simulation;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge simulate SOURCE... --out DIR</c>: play worlds, or CharacterBox scenes, with every character an agent
/// and no one at the keyboard, writing one trajectory per episode to <c>DIR/work/scene/seed-N.jsonl</c> and a
/// manifest of the run that <c>--resume</c> finishes after a crash, a kill or Ctrl-C. For researchers.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("sources")
        {
            Description = "Worlds (name, folder or file), CharacterBox scene files (.json; FILE.json#scene=ID for one scene), or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var scene = new Option<string?>("--scene") { Description = "Play only this scene (its id) of the one source." }.NotBlank();
        var allScenes = new Option<bool>("--all-scenes") { Description = "Play every scene of every world as an episode of its own (CharacterBox files always are)." };
        var rounds = new Option<int?>("--rounds") { Description = "Rounds per scene at most (CharacterBox plays 3)." }.Within(OptionRanges.Rounds);
        var seed = new Option<long>("--seed") { Description = "Seed of the first episode; episode i uses seed + i.", DefaultValueFactory = _ => 1 };
        var episodes = new Option<int>("--episodes") { Description = "Episodes per scene (different seeds).", DefaultValueFactory = _ => 1 }.Within(OptionRanges.Episodes);
        var parallel = new Option<int>("--parallel") { Description = "Episodes run at once; with a model their requests are batched together.", DefaultValueFactory = _ => 1 }.Within(OptionRanges.Parallel);
        var resume = new Option<bool>("--resume") { Description = "Finish the run in --out: skip finished episodes, redo the others." };
        var protocol = new Option<string>("--protocol")
        {
            Description = "taleforge (our pipeline) or characterbox (CharacterBox's settings: 3 rounds, the director every round, temperature 0.5; see docs/characterbox.md).",
            DefaultValueFactory = _ => "taleforge",
        };
        protocol.AcceptOnlyFromAmong("taleforge", "characterbox");
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for the trajectories and manifest.json (created if missing).", Required = true }.NotBlank();
        var dir = WorldsDirectoryOption.Create();
        var models = new ModelOptions();
        var command = new Command("simulate", "Play headless with every character an agent, and record the trajectories.")
        {
            sources, scene, allScenes, rounds, seed, episodes, parallel, resume, protocol, output, dir,
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
            var works = DatasetSources.Open(parse.GetValue(sources)!, parse.GetValue(scene), parse.GetValue(allScenes), parse.GetValue(dir));
            var folder = parse.GetValue(output)!.FullName;

            // The models are loaded once, for the first work; every work's cast shares them.
            await using var cast = await models.CastAsync(parse, works[0].World.Definition, player: null, new ProgressLine(error), cancellation);
            var plan = new List<Episode>();
            var sampling = cast.Sampling;
            foreach (var work in works)
            {
                var spec = cast.Spec(WorldReference.Of(work.World), parse.GetValue(seed)) with { RoundLimit = parse.GetValue(rounds) };
                if (parse.GetValue(protocol) == "characterbox")
                {
                    spec = CharacterBoxProtocol.Apply(spec, roundsGiven: parse.GetValue(rounds) is not null);
                }
                sampling = spec.Sampling;
                foreach (var (opened, start) in work.Scenes)
                {
                    for (var i = 0; i < parse.GetValue(episodes); i++)
                    {
                        var episodeSeed = parse.GetValue(seed) + i;
                        var name = string.Create(CultureInfo.InvariantCulture, $"{work.World.Definition.Info.Id}/{start ?? "story"}/seed-{episodeSeed}");
                        plan.Add(new Episode(name, opened.Definition, spec with
                        {
                            World = WorldReference.Of(opened),
                            Seed = episodeSeed,
                            StartScene = start,
                            StopAfterScene = start is not null,
                        }));
                    }
                }
            }
            var (manifest, toRun) = RunManifest.Open(folder, plan, parse.GetValue(resume));

            var before = toRun.Length < plan.Count ? string.Create(CultureInfo.InvariantCulture, $" ({plan.Count - toRun.Length} of {plan.Count} finished before)") : "";
            var how = cast.Cast.IsAuthored ? "in authored mode (no --model given)." : $"with {cast.Description}.";
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Simulating {toRun.Length} episode(s){before} {how}"));
            var display = new SimulationProgress(stdout, error, toRun.Length);
            try
            {
                await Simulator.RunAsync(toRun, WorkCasts.For(cast, sampling, plan.Count > 0 ? plan[0].Spec.Protocol : EpisodeProtocol.TaleForge), VersionAction.Version, folder, parse.GetValue(parallel), display, cancellation, manifest);
            }
            catch (OperationCanceledException)
            {
                display.Finish();
                var finished = manifest.Entries.Count(e => e.Status == EpisodeStatus.Finished);
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Stopped: {finished} of {manifest.Entries.Length} episodes finished; {manifest.Path} lists them. Run the same command with --resume to finish the others."));
                return 130;
            }
            catch (Exception e) when (e is not TaleForgeException)
            {
                display.Finish();
                throw new TaleForgeException($"an episode failed ({e.Message}); {manifest.Path} names it. Run the same command with --resume to redo it.");
            }
            display.Finish();
            await stdout.WriteLineAsync($"Manifest: {manifest.Path}");
            return 0;
        });
        return command;
    }
}
