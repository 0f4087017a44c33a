using System.CommandLine;
using TaleForge.Cli.Models;
using TaleForge.Content.Opening;
using TaleForge.Core;
using TaleForge.Core.Definitions;
using TaleForge.Research.Evaluation;
using TaleForge.Research.Evaluation.Comparison;
using TaleForge.Research.Evaluation.Episodes;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;
using TaleForge.Research.Evaluation.Reports;
using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge eval TRAJECTORY... --out DIR [--judge MODEL] [--interview [MODEL]]</c>: evaluates played episodes.
/// Objective metrics always; with a judge, CharacterBox's seven dimensions per character and scene and Grice's
/// maxims for the narrator; with an interviewer, the Big Five inventory in character. Prints the tables and
/// writes CSV, JSON and charts (PNG and SVG) into DIR; <c>--compare-by</c> adds bootstrap comparisons of models,
/// protocols or works.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var trajectories = new Argument<string[]>("trajectory") { Description = "Trajectory files (.jsonl) to evaluate, or folders of them (a simulate run's --out).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the CSV, JSON, PNG and SVG files.", Required = true };
        var judge = new Option<string?>("--judge") { Description = "GGUF model that judges the characters and the narrator. None: objective metrics only." };
        var interview = new Option<string?>("--interview")
        {
            Description = "GGUF model that answers the Big Five inventory in character (no file: the judge).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var prompts = PromptFolder.Option();
        var world = new Option<string?>("--world") { Description = "World folder or CharacterBox scene file to use instead of the one each trajectory names (its content must be unchanged)." };
        var seed = new Option<long>("--seed") { Description = "Seed of the judge's and interviewer's questions.", DefaultValueFactory = _ => 1 };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace evaluation files already in the --out folder." };
        var critique = new Option<int>("--critique-length")
        {
            Description = $"Longest critique the judge may write, in characters (1 to {JudgeLimits.CritiqueLength}); shorter judges faster.",
            DefaultValueFactory = _ => JudgeLimits.CritiqueLength,
        };

        var compareBy = new Option<CompareBy?>("--compare-by")
        {
            Description = "Compare the judged character scores of every two models, protocols or works, with bootstrap intervals (needs --judge).",
        };
        var resamples = new Option<int>("--resamples")
        {
            Description = "Bootstrap resamples of a --compare-by interval (seeded by --seed).",
            DefaultValueFactory = _ => Bootstrap.DefaultResamples,
        };

        var command = new Command("eval", "Evaluate trajectories: judged role-play scores, objective metrics, Big Five interview.")
        {
            trajectories, output, judge, interview, world, seed, overwrite, critique, compareBy, resamples, prompts,
        };
        EvalModels.AddTo(command);
        command.Add(EvalAgreementCommand.Create());
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            // The templates are checked before anything is read or loaded.
            var promptSet = PromptFolder.Load(parse.GetValue(prompts));
            var episodes = Open(TrajectoryPaths.Expand(parse.GetValue(trajectories) ?? []), parse.GetValue(world), stderr);
            var settings = EvalModels.Settings(parse);
            var critiqueLength = parse.GetValue(critique);
            if (critiqueLength is < 1 or > JudgeLimits.CritiqueLength)
            {
                throw new TaleForgeException($"--critique-length must be from 1 to {JudgeLimits.CritiqueLength}, not {critiqueLength}.");
            }
            var judgeFile = parse.GetValue(judge);
            var comparedBy = parse.GetValue(compareBy);
            if (comparedBy is not null && judgeFile is null)
            {
                throw new TaleForgeException("--compare-by compares judged scores; give a --judge model too.");
            }
            if (parse.GetValue(resamples) < 1)
            {
                throw new TaleForgeException($"--resamples must be at least 1, not {parse.GetValue(resamples)}.");
            }
            var interviewFile = parse.GetResult(interview) is null ? null : parse.GetValue(interview) ?? judgeFile
                ?? throw new TaleForgeException("--interview needs a model file, or --judge to default to.");
            await using var models = new EvalModels();
            var loading = new ProgressLine(stderr);
            var evaluator = new Evaluator
            {
                Judge = judgeFile is null ? null : new Judge(await models.RoleAsync("judge", judgeFile, settings, loading, cancellation), parse.GetValue(seed), critiqueLength, promptSet),
                Interview = interviewFile is null ? null
                    : new BigFiveInterview(await models.RoleAsync("interview", interviewFile, settings, loading, cancellation), parse.GetValue(seed), promptSet),
                Parallel = Math.Max(1, settings.Parallel),
                Seed = parse.GetValue(seed),
            };
            var report = await evaluator.EvaluateAsync(episodes, cancellation);
            if (comparedBy is { } by)
            {
                report = report with { Comparisons = GroupComparison.Of(report, by, parse.GetValue(seed), parse.GetValue(resamples)) };
            }
            var folder = parse.GetValue(output)!;
            var written = EvaluationFiles.Write(report, folder, parse.GetValue(overwrite));
            await stdout.WriteAsync(EvaluationText.Render(report));
            await stdout.WriteLineAsync($"\nWrote {written.Length} files to {folder}: {string.Join(", ", written.Select(Path.GetFileName))}");
            return 0;
        });
        return command;
    }

    /// <summary>Reads every trajectory and its world (each world loaded once), reporting a cut-short last line as a warning.</summary>
    private static List<PlayedEpisode> Open(IReadOnlyList<string> paths, string? world, TextWriter warnings)
    {
        var worlds = new Dictionary<string, OpenedWorld>(StringComparer.Ordinal);
        var episodes = new List<PlayedEpisode>();
        foreach (var path in paths)
        {
            var file = RecordedTrajectory.Read(path);
            foreach (var warning in file.Warnings)
            {
                warnings.WriteLine($"warning: {warning}");
            }
            // A relative source is found beside its trajectory, so the folder is part of what names the world.
            var key = $"{world ?? file.World.Source}\u001f{Path.GetDirectoryName(Path.GetFullPath(path))}\u001f{file.World.Hash}";
            if (!worlds.TryGetValue(key, out var opened))
            {
                worlds[key] = opened = file.World.Open(world);
            }
            episodes.Add(PlayedEpisode.Open(file, opened));
        }
        return episodes;
    }
}
