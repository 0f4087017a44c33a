using System.Text.Json.Nodes;
using TaleForge.Content;
using TaleForge.Content.Opening;
using TaleForge.Core.State;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The first round of Greywick's first scene, played with no model, recorded as a trajectory.</summary>
    private async Task<string> PlayGreywickAsync(string name = "greywick.jsonl")
    {
        var source = Path.Combine(Repository.Worlds, "greywick");
        var world = WorldLoader.LoadOrThrow(source);
        var path = Path.Combine(_folder.Path, name);
        var spec = new EpisodeSpec
        {
            World = new WorldReference(world.Info.Id, world.Info.Title, source, WorldHash.Of(world)),
            Seed = 4,
            StopAfterScene = true,
            RoundLimit = 1,
        };
        using var writer = TrajectoryWriter.Create(path, spec.Header("test", DateTimeOffset.UnixEpoch));
        var session = new GameSession(world, Cast.Authored(world), spec.SessionOptions(writer));
        await session.RunAsync();
        return path;
    }

    [Slow]
    [Fact]
    public async Task Eval_without_a_judge_prints_the_objective_metrics_and_writes_them_without_overwriting()
    {
        var trajectory = await PlayGreywickAsync();
        var output = Path.Combine(_folder.Path, "report");

        var run = await Cli.RunAsync("eval", trajectory, "--out", output);

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 trajectories (greywick); judge: none; interview: none", run.Output, StringComparison.Ordinal);
        Assert.Contains("Objective metrics by model", run.Output, StringComparison.Ordinal);
        Assert.Contains("authored", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "characters.csv")));
        Assert.True(File.Exists(Path.Combine(output, "objective-by-model.svg")));
        Assert.True(File.Exists(Path.Combine(output, "objective-by-model.png")));
        Assert.False(File.Exists(Path.Combine(output, "judge-characters.csv")));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "evaluation.json")))!;
        Assert.Equal("greywick.jsonl", (string?)json["trajectories"]![0]!["name"]);
        // One round of the evening tide: each of its three characters played one turn, authored.
        var characters = json["objective"]!["characters"]!.AsArray();
        Assert.Equal(["ines", "maud", "pell"], characters.Select(c => (string?)c!["character"]).Order(StringComparer.Ordinal));
        Assert.All(characters, c => Assert.Equal(("authored", 1, 1), ((string?)c!["model"], (int)c["episodes"]!, (int)c["turns"]!)));

        var again = await Cli.RunAsync("eval", trajectory, "--out", output);

        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith($"error: {output} already holds an evaluation", again.Error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_compare_by_without_a_judge_says_that_comparisons_need_judged_scores()
    {
        var trajectory = await PlayGreywickAsync();

        var run = await Cli.RunAsync("eval", trajectory, "--out", Path.Combine(_folder.Path, "r"), "--compare-by", "model");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--compare-by compares judged scores; give a --judge model too.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_of_a_trajectory_whose_world_cannot_be_found_says_to_pass_world()
    {
        var trajectory = await PlayGreywickAsync();
        var moved = _folder.Write("moved.jsonl", File.ReadAllText(trajectory).Replace(
            Path.Combine(Repository.Worlds, "greywick").Replace("\\", "\\\\", StringComparison.Ordinal), "nowhere/greywick", StringComparison.Ordinal));

        var run = await Cli.RunAsync("eval", moved, "--out", Path.Combine(_folder.Path, "r"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("was loaded from 'nowhere/greywick', which does not exist here; pass the world's folder (or CharacterBox scene file) with --world", run.Error, StringComparison.Ordinal);

        var rescued = await Cli.RunAsync("eval", moved, "--out", Path.Combine(_folder.Path, "r"), "--world", Path.Combine(Repository.Worlds, "greywick"));
        Assert.Equal(0, rescued.ExitCode);
    }

    [Slow]
    [NeedsNativeLibrary]
    [Fact]
    public async Task Eval_with_the_tiny_random_model_as_judge_gets_a_verdict_on_the_first_attempt_for_every_performance()
    {
        var trajectory = await PlayGreywickAsync();
        var model = Path.Combine(_folder.Path, "tiny.gguf");
        TinyModels.Write(model);
        var output = Path.Combine(_folder.Path, "judged");

        // A short critique keeps the test quick: generating under a grammar is most of a verdict's cost. It also keeps
        // clear of the random byte-level vocabulary's habit of writing byte sequences that the grammar takes for one
        // character but that decode to several, which the schema check then finds too long.
        var run = await Cli.RunAsync("eval", trajectory, "--out", output, "--judge", model, "--critique-length", "2", "-c", "32768", "-t", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "evaluation.json")))!;
        Assert.Equal("tiny.gguf", (string?)json["judge"]);
        var verdicts = json["characters"]!["verdicts"]!.AsArray().Concat(json["narrator"]!["verdicts"]!.AsArray()).ToList();
        Assert.NotEmpty(json["characters"]!["verdicts"]!.AsArray());
        foreach (var verdict in verdicts)
        {
            // The grammar and the reply bound together: the first answer parses and binds.
            Assert.Equal(1, (int)verdict!["attempts"]!);
            Assert.Null(verdict["failure"]);
            Assert.All(verdict["scores"]!.AsObject(), score => Assert.InRange((int)score.Value!, 1, 5));
        }
        Assert.Equal(3, json["characters"]!["verdicts"]!.AsArray().Count);
        Assert.Single(json["narrator"]!["verdicts"]!.AsArray());
        Assert.Contains("Characters, judged 1-5", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "characters-by-model.svg")));
        Assert.True(File.Exists(Path.Combine(output, "narrator-by-model.svg")));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(output, "judge-characters.csv")).Length);
        // Three characters of one scene, one model: a row for the scene and the overall row after the model's.
        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, "characters-by-scene.csv")).Length);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(output, "characters-by-model.csv")).Length);

        // The judged CSV is a score sheet as it is: compared with itself, every dimension agrees.
        var judged = Path.Combine(output, "judge-characters.csv");
        var agreement = await Cli.RunAsync("eval", "agreement", judged, judged);
        Assert.Equal(0, agreement.ExitCode);
        Assert.Contains("knowledge_accuracy", agreement.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_reads_simulated_characterbox_scenes_with_the_world_imported_again_from_the_scene_file()
    {
        var scenes = Path.Combine(Repository.Root, "tests", "TaleForge.Content.Tests", "CharacterBox", "salt-and-lanterns.json");
        var simulated = Path.Combine(_folder.Path, "sim");
        var simulate = await Cli.RunAsync("simulate", scenes, "--out", simulated, "--rounds", "1");
        Assert.True(simulate.ExitCode == 0, simulate.Error);
        var trajectories = Directory.GetFiles(simulated, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, trajectories.Length);

        var run = await Cli.RunAsync(["eval", .. trajectories, "--out", Path.Combine(_folder.Path, "r")]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("2 trajectories (salt-and-lanterns-609e8cdc); judge: none; interview: none", run.Output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.Path, "r", "evaluation.json")))!;
        Assert.Equal(["salt-and-lanterns-609e8cdc/scene-0/seed-1.jsonl", "salt-and-lanterns-609e8cdc/scene-1/seed-1.jsonl"],
            json["trajectories"]!.AsArray().Select(t => (string?)t!["name"]));
    }

    [Fact]
    public async Task Eval_agreement_prints_pearson_spearman_and_alpha_per_dimension()
    {
        var judge = _folder.Write("judge.csv", "trajectory,scene,character,model,immersion,adaptability\n"
            + "a.jsonl,s,mara,m,1,2\na.jsonl,s,ines,m,2,2\na.jsonl,t,mara,m,3,3\nb.jsonl,s,mara,m,4,5\n");
        var human = _folder.Write("human.csv", "trajectory,scene,character,immersion\n"
            + "a.jsonl,s,mara,1\na.jsonl,s,ines,2\na.jsonl,t,mara,4\nb.jsonl,s,mara,4\n");

        var run = await Cli.RunAsync("eval", "agreement", judge, human);

        Assert.Equal(0, run.ExitCode);
        // Worked out by hand: r = 5.5 / sqrt(5 * 6.75), rho = 4.5 / sqrt(5 * 4.5), alpha = 88 / 95.
        Assert.Equal("4 human rows matched in 4 judged rows\n"
            + "dimension  pairs  pearson  spearman  alpha\n"
            + "immersion      4    0.947     0.949  0.926\n", run.Output);
    }

    [Fact]
    public async Task Eval_agreement_with_a_malformed_sheet_names_the_file_and_line()
    {
        var judge = _folder.Write("judge.csv", "trajectory,scene,character,immersion\na.jsonl,s,mara,3\n");
        var human = _folder.Write("human.csv", "trajectory,scene,character,immersion\na.jsonl,s,mara,three\n");

        var run = await Cli.RunAsync("eval", "agreement", judge, human);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith($"error: {human}:2: the column 'immersion' holds 'three', which is not a number", run.Error, StringComparison.Ordinal);
    }
}
