using Microsoft.Extensions.AI;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Structured;
using TaleForge.Research.Evaluation;
using TaleForge.Research.Evaluation.Episodes;
using TaleForge.Research.Evaluation.Judging;
using TaleForge.Research.Evaluation.Reports;

namespace TaleForge.Research.Tests.Evaluation;

/// <summary>
/// The narrator of a characterbox-protocol episode judged as CharacterBox judges it: per call type (action
/// influence, result analysis, character update, scene update) on Grice's four maxims, one score set per type.
/// </summary>
public sealed class NarratorCallJudgingTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Quality, quantity, relevance, manner by call type; the whole-scene verdict gets 3 on each.
    private static readonly Dictionary<string, int[]> ScoresByType = new()
    {
        ["Action Influence"] = [5, 4, 3, 2],
        ["Analyze Result"] = [1, 2, 3, 4],
        ["Update Character"] = [2, 2, 2, 2],
        ["Update Scene"] = [4, 4, 5, 5],
    };

    private readonly List<(string System, string User)> _narratorQuestions = [];

    private CallbackChatClient ScriptedJudge() => new((messages, options) =>
    {
        var system = messages[0].Text;
        if (((ChatResponseFormatJson)options!.ResponseFormat!).SchemaName == "character_judgement")
        {
            return TypedJson.Serialize(new CharacterJudgement("Fine.", 3, 3, 3, 3, 3, 3, 3));
        }
        lock (_narratorQuestions)
        {
            _narratorQuestions.Add((system, messages[^1].Text));
        }
        var type = ScoresByType.Keys.FirstOrDefault(t => system.Contains($"\"{t}\"", StringComparison.Ordinal));
        var s = type is null ? [3, 3, 3, 3] : ScoresByType[type];
        return TypedJson.Serialize(new NarratorJudgement($"{type ?? "scene"}.", s[0], s[1], s[2], s[3]));
    });

    private async Task<(PlayedEpisode Episode, TrajectoryFile File)> PlayAsync(EpisodeProtocol protocol)
    {
        var world = EvaluationWorld.World();
        var spec = EvaluationWorld.Spec(world) with { Protocol = protocol };
        var role = new ModelRole { Client = GrammarModel.Create(), Model = "grammar-model", ContextTokens = 8192 };
        var cast = EpisodeCast.Build(world, null, director: false, spec.ModelFor, _ => role, protocol: protocol);
        var path = Path.Combine(_folder.Path, $"{protocol}.jsonl");
        using (var writer = TrajectoryWriter.Create(path, spec.Header("test", DateTimeOffset.UnixEpoch)))
        {
            await new GameSession(world, cast, spec.SessionOptions(writer)).RunAsync();
        }
        return (PlayedEpisode.Open(RecordedTrajectory.Read(path), TestWorld.Opened(world)), TrajectoryFile.Read(path));
    }

    [Fact]
    public async Task A_characterbox_protocol_episodes_narrator_gets_one_grice_score_set_per_call_type_from_that_types_calls()
    {
        var (episode, file) = await PlayAsync(EpisodeProtocol.CharacterBox);
        var evaluator = new Evaluator { Judge = new Judge(new ModelRole { Client = ScriptedJudge(), Model = "judge.gguf", ContextTokens = 100_000 }, seed: 5) };

        var report = await evaluator.EvaluateAsync([episode]);

        Assert.NotEmpty(report.NarratorCallVerdicts);
        var narratorCalls = file.Calls.Where(c => c.Role == Role.Narrator).ToList();
        foreach (var type in NarratorCallType.All)
        {
            var recorded = narratorCalls.Where(c => c.Schema == type.Schema).ToList();
            var verdicts = report.NarratorCallVerdicts.Where(v => v.CallType == type.Key).ToList();
            Assert.Equal(recorded.Count, verdicts.Sum(v => v.Calls));
            Assert.All(verdicts, v => Assert.Equal<int>(ScoresByType[type.Name], v.Scores));
        }
        var byType = report.NarratorByCallType.ToDictionary(a => a.Group);
        Assert.Equal<double>([5, 4, 3, 2], byType["Action Influence (grammar-model)"].Means);
        Assert.Equal<double>([1, 2, 3, 4], byType["Analyze Result (grammar-model)"].Means);
        // Each type's question shows that type's answers as the narrator gave them.
        var result = narratorCalls.First(c => c.Schema == NarratorCallType.AnalyzeResult.Schema);
        Assert.Contains(_narratorQuestions, q => q.System.Contains("\"Analyze Result\"", StringComparison.Ordinal)
            && q.User.Contains(result.Raw[..Math.Min(80, result.Raw.Length)], StringComparison.Ordinal));
        Assert.Contains(EvaluationCsv.Tables(report), t => t.File == EvaluationCsv.NarratorByCallType);
        Assert.Contains("Narrator by call type", EvaluationText.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_default_protocol_episodes_narrator_is_judged_per_scene_only_as_before()
    {
        var (episode, _) = await PlayAsync(EpisodeProtocol.TaleForge);
        var evaluator = new Evaluator { Judge = new Judge(new ModelRole { Client = ScriptedJudge(), Model = "judge.gguf", ContextTokens = 100_000 }, seed: 5) };

        var report = await evaluator.EvaluateAsync([episode]);

        Assert.Empty(report.NarratorCallVerdicts);
        Assert.NotEmpty(report.NarratorVerdicts);
        Assert.DoesNotContain(EvaluationCsv.Tables(report), t => t.File == EvaluationCsv.NarratorByCallType);
    }
}
