using System.Text;
using Microsoft.Extensions.AI;
using TaleForge.Core;
using TaleForge.Engine.Agents.Models;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Structured;
using TaleForge.Research.Evaluation;
using TaleForge.Research.Evaluation.Episodes;
using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Tests.Evaluation;

public sealed class JudgeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-judge-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Scores by scene and character, in CharacterBox's order KA, BA, EE, PT, IM, AD, BC.
    private static readonly Dictionary<(string Scene, string Character), int[]> CharacterScores = new()
    {
        [("Arrival", "Mara")] = [5, 4, 3, 2, 1, 5, 4],
        [("Arrival", "Tomas Reyes")] = [1, 2, 3, 4, 5, 1, 2],
        [("Arrival", "Ines")] = [4, 4, 4, 4, 4, 4, 4],
        [("Quiet", "Mara")] = [1, 1, 1, 1, 1, 1, 1],
    };

    // Quality, quantity, relevance, manner by scene.
    private static readonly Dictionary<string, int[]> NarratorScores = new()
    {
        ["Arrival"] = [4, 3, 5, 2],
        ["Quiet"] = [2, 3, 1, 4],
    };

    /// <summary>A judge that reads the scene and character from the prompt and answers with the scripted scores.</summary>
    private static CallbackChatClient ScriptedJudge() => new((messages, options) =>
    {
        var user = messages[^1].Text;
        var scene = Line(user, "Scene: ");
        var schema = ((ChatResponseFormatJson)options!.ResponseFormat!).SchemaName;
        if (schema == "narrator_judgement")
        {
            var n = NarratorScores[scene];
            return TypedJson.Serialize(new NarratorJudgement($"Narration in {scene}.", n[0], n[1], n[2], n[3]));
        }
        var name = Line(user, "Character: ");
        var s = CharacterScores[(scene, name)];
        return TypedJson.Serialize(new CharacterJudgement($"{name} in {scene}.", s[0], s[1], s[2], s[3], s[4], s[5], s[6]));
    });

    private static string Line(string text, string prefix) =>
        text.Split('\n').First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    private static ModelRole Role(IChatClient client, int context = 100_000) => new() { Client = client, Model = "judge.gguf", ContextTokens = context };

    [Fact]
    public async Task Verdicts_aggregate_over_the_characters_of_a_scene_then_over_scenes_per_model()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));
        var evaluator = new Evaluator { Judge = new Judge(Role(ScriptedJudge()), seed: 5) };

        var report = await evaluator.EvaluateAsync([episode]);

        Assert.Equal(4, report.CharacterVerdicts.Length);
        Assert.All(report.CharacterVerdicts, v => Assert.Equal(1, v.Attempts));
        var byModel = report.CharactersByModel.ToDictionary(a => a.Group);
        // alpha.gguf: Arrival = mean of Mara and Tomas = 3 on every dimension; Quiet = Mara alone = 1; mean over
        // the two scenes = 2 (a flat mean over the three verdicts would give 7/3 on KA).
        var alpha = byModel["alpha.gguf"];
        Assert.Equal((2, 3), (alpha.Scenes, alpha.Verdicts));
        Assert.Equal<double>([2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0], alpha.Means);
        Assert.Equal(2.0, alpha.Average);
        Assert.Equal(4.0, byModel["beta.gguf"].Average);
        var mara = report.CharacterVerdicts.Single(v => v.Scene == "arrival" && v.Character == "mara");
        Assert.Equal(24.0 / 7, mara.Average);
        Assert.Equal("Mara in Arrival.", mara.Critique);

        var narrator = Assert.Single(report.NarratorByModel);
        Assert.Equal("gamma.gguf", narrator.Group);
        Assert.Equal<double>([3.0, 3.0, 3.0, 3.0], narrator.Means);
        Assert.Equal(2, report.NarratorVerdicts.Length);
    }

    [Fact]
    public async Task Verdicts_aggregate_per_scene_and_model_and_overall_over_every_model()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));
        var evaluator = new Evaluator { Judge = new Judge(Role(ScriptedJudge()), seed: 5) };

        var report = await evaluator.EvaluateAsync([episode]);

        var byScene = report.CharactersByScene.ToDictionary(a => a.Group, a => (a.Verdicts, a.Means[0], a.Average));
        // Arrival: Mara and Tomas (alpha) average 3 on every dimension, Ines (beta) 4; Quiet: Mara (alpha) 1.
        Assert.Equal(new Dictionary<string, (int, double, double)>
        {
            ["one.jsonl/arrival (alpha.gguf)"] = (2, 3.0, 3.0),
            ["one.jsonl/arrival (beta.gguf)"] = (1, 4.0, 4.0),
            ["one.jsonl/quiet (alpha.gguf)"] = (1, 1.0, 1.0),
        }, byScene);
        // Overall: Arrival's three characters average 10/3 on every dimension, Quiet 1; the mean of the two scenes.
        var overall = report.CharactersOverall!;
        Assert.Equal((Aggregation.OverallGroup, 2, 4), (overall.Group, overall.Scenes, overall.Verdicts));
        Assert.All(overall.Means, m => Assert.Equal(13.0 / 6, m, 1e-12));
        var byCharacter = report.CharactersByCharacter.ToDictionary(a => a.Group, a => a.Average);
        // Mara: 24/7 on average in Arrival, 1 in Quiet.
        Assert.Equal(31.0 / 14, byCharacter["mara (alpha.gguf)"], 1e-12);
    }

    [Fact]
    public async Task The_judge_sees_the_scene_the_profile_and_observation_action_pairs_and_answers_greedily_with_a_fixed_seed()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));
        var client = ScriptedJudge();
        var judge = new Judge(Role(client), seed: 5);

        await judge.JudgeCharacterAsync(episode, episode.Scenes[0], "mara");
        await judge.JudgeCharacterAsync(episode, episode.Scenes[0], "mara");

        var call = client.Calls[0];
        var system = call.Messages[0].Text;
        Assert.All(CharacterDimensions.All, d => Assert.Contains($"{d.Name} ({d.Key})", system, StringComparison.Ordinal));
        Assert.All(CharacterDimensions.CritiqueAspects, a => Assert.Contains(a, system, StringComparison.Ordinal));
        var user = call.Messages[1].Text;
        foreach (var expected in new[] { "Scene: Arrival", "Event: The boat is late.", "Location: the Quay", "Description: Dusk on the quay.",
            "Character: Mara", "Description: A harbour clerk with ink on her cuffs.", "Hides (should not reveal): Mara burned the ledger.",
            "Round 1:", "Round 2:", "  Action: Mara glances at the water." })
        {
            Assert.Contains(expected, user, StringComparison.Ordinal);
        }
        Assert.Equal(0f, call.Options!.Temperature);
        Assert.Equal(WorstCaseReply.Tokens<CharacterJudgement>(), call.Options.MaxOutputTokens);
        Assert.NotNull(call.Options.Seed);
        Assert.Equal(call.Options.Seed, client.Calls[1].Options!.Seed);
    }

    [Fact]
    public async Task A_judge_with_too_little_context_is_refused_with_the_tokens_it_needs()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));
        var judge = new Judge(Role(ScriptedJudge(), context: 900), seed: 5);

        var error = await Assert.ThrowsAsync<TaleForgeException>(() => judge.JudgeCharacterAsync(episode, episode.Scenes[0], "mara"));

        Assert.Contains("has 900 tokens of context per request", error.Message, StringComparison.Ordinal);
        Assert.Contains("-c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reply_bound_holds_the_longest_verdict_the_grammar_allows_and_little_more()
    {
        // The widest reply: a critique at its maximum length in characters of three UTF-8 bytes, every score 5.
        var widest = TypedJson.Serialize(new CharacterJudgement(new string('—', JudgeLimits.CritiqueLength), 5, 5, 5, 5, 5, 5, 5));
        var bytes = Encoding.UTF8.GetByteCount(widest);

        var bound = WorstCaseReply.Tokens<CharacterJudgement>();

        Assert.InRange(bound, bytes, bytes + 64);
    }

    [Fact]
    public async Task A_judge_that_never_answers_in_form_leaves_the_verdict_out_of_the_aggregates()
    {
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));
        var evaluator = new Evaluator { Judge = new Judge(Role(new CallbackChatClient((_, _) => "no idea")), seed: 5) };

        var report = await evaluator.EvaluateAsync([episode]);

        Assert.All(report.CharacterVerdicts, v => Assert.False(v.Judged));
        Assert.All(report.CharacterVerdicts, v => Assert.Equal(3, v.FormatFailures));
        Assert.Empty(report.CharactersByModel);
    }
}
