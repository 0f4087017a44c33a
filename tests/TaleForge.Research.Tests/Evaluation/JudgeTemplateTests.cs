using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Inference.Fakes;
using TaleForge.Inference.Structured;
using TaleForge.Research.Evaluation;
using TaleForge.Research.Evaluation.Interview;
using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Tests.Evaluation;

/// <summary>
/// The judge's and the interviewer's templates: each renders in English as the judge has always been asked and
/// wholly in Chinese for a Chinese world, and a folder's template is what the judge is sent.
/// </summary>
public sealed partial class JudgeTemplateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-judge-templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static object Sample(PromptKind kind, bool chinese)
    {
        string T(string english, string chinese_) => chinese ? chinese_ : english;
        var scene = new JudgedSceneFields(T("The Harbour", "雨夜茶馆"), T("Arrival", "到来"), T("The boats come in", "船回来了"), "", T("the quay", "码头"), "");
        var maxims = NarratorMaxims.All.Select(JudgePrompt.Fields).ToList();
        var type = JudgePrompt.Fields(NarratorCallType.AnalyzeResult);
        return kind.Name switch
        {
            "judge-character-system" => new CharacterJudgeSystemFields(CharacterDimensions.CritiqueAspects, [.. CharacterDimensions.All.Select(JudgePrompt.Fields)]),
            "judge-narrator-system" => new NarratorJudgeSystemFields(maxims),
            "judge-narrator-call-system" => new NarratorJudgeSystemFields(maxims, type),
            "judge-character" => new CharacterJudgeFields(scene,
                new JudgedCharacterFields(T("Mara", "玛拉"), "", "", [T("stubborn", "固执"), T("kind", "善良")], "", [T("Hold fast.", "抓紧了。"), T("Steady.", "稳住。")], [], []),
                [new JudgedRoundFields(1, [new ExchangeFields("", T("Mara lifts the lantern.", "玛拉举起灯笼。"))]),
                 new JudgedRoundFields(2, [new ExchangeFields(T("Thunder.", "雷声。"), T("Mara waits.", "玛拉等着。"))])]),
            "judge-narrator" => new NarratorJudgeFields(scene, [new TranscriptLineFields(T("Mara waits.", "玛拉等着。"), false), new TranscriptLineFields(T("The rain falls.", "雨落下来。"), true)]),
            "judge-narrator-call" => new NarratorCallJudgeFields(scene, type, [new JudgedCallFields(1, T("What came of it?", "结果如何？"), T("The lamp caught.", "灯亮了。"))]),
            "interview-question" => new InterviewQuestionFields(T("Mara", "玛拉"), 1, T("I see myself as someone who is talkative", "我认为自己是一个健谈的人")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind.Name, "no sample fields for this prompt"),
        };
    }

    public static TheoryData<string> Kinds() => [.. ResearchPrompts.Kinds.Select(k => k.Name)];

    [GeneratedRegex("[A-Za-z][A-Za-z0-9_-]*")]
    private static partial Regex LatinWord();

    [Fact]
    public void The_english_character_judgement_reads_as_the_judge_has_always_been_asked()
    {
        var kind = ResearchPrompts.CharacterJudge;

        var user = ResearchPrompts.BuiltIn.Render(kind, "en", Sample(kind, chinese: false));

        Assert.Equal(
            "Story: The Harbour\nScene: Arrival\nEvent: The boats come in\nLocation: the quay\n\n"
            + "Character: Mara\nTraits: stubborn, kind\nCatchphrases: \"Hold fast.\" / \"Steady.\"\n\n"
            + "Round 1:\n  Observation: (nothing new)\n  Action: Mara lifts the lantern.\n"
            + "Round 2:\n  Observation: Thunder.\n  Action: Mara waits.\n\n"
            + "Write the critique of Mara's performance over the ten aspects, then the seven scores.",
            user);
    }

    [Fact]
    public void The_english_rubric_lists_every_dimension_with_its_anchors()
    {
        var system = ResearchPrompts.BuiltIn.Render(ResearchPrompts.CharacterJudgeSystem, "en", Sample(ResearchPrompts.CharacterJudgeSystem, chinese: false));
        var calls = ResearchPrompts.BuiltIn.Render(ResearchPrompts.NarratorCallJudge, "en", Sample(ResearchPrompts.NarratorCallJudge, chinese: false));

        Assert.Contains("in turn: factual accuracy, character consistency, logic,", system, StringComparison.Ordinal);
        foreach (var dimension in CharacterDimensions.All)
        {
            Assert.Contains(dimension.Rubric + "\n", system + "\n", StringComparison.Ordinal);
        }
        Assert.EndsWith("Call 1.\nAsked: What came of it?\nAnswered: The lamp caught.\n\nWrite the critique of the narrator's \"Analyze Result\" answers, then the four scores.", calls, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_chinese_judge_template_holds_no_english_words_outside_reply_keys(string name)
    {
        var kind = ResearchPrompts.Kinds.Single(k => k.Name == name);
        string[] keys = [.. CharacterDimensions.All.Concat(NarratorMaxims.All).Select(d => d.Key), "rating"];

        var prompt = ResearchPrompts.BuiltIn.Render(kind, "zh", Sample(kind, chinese: true));

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", prompt);
        Assert.Empty(LatinWord().Matches(prompt).Select(m => m.Value).Where(w => !keys.Contains(w)).Distinct());
    }

    [Fact]
    public async Task A_judge_template_in_the_prompt_folder_is_what_the_judge_is_sent()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "mine", "en"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "mine", "en", "judge-narrator.sbn"),
            "SCENE {{ scene.title }}\n{{ for l in lines }}{{ if l.narrator }}N> {{ l.text }}\n{{ end }}{{ end }}Score it.\n");
        var prompts = PromptSet.Load(ResearchPrompts.BuiltIn.Kinds, Path.Combine(_folder, "mine"));
        var asked = new List<string>();
        var client = new CallbackChatClient((messages, _) =>
        {
            lock (asked)
            {
                asked.Add(messages[^1].Text);
            }
            return TypedJson.Serialize(new NarratorJudgement("fine", 3, 3, 3, 3));
        });
        var episode = await EvaluationWorld.PlayAsync(Path.Combine(_folder, "one.jsonl"));
        var judge = new Judge(new ModelRole { Client = client, Model = "judge.gguf", ContextTokens = 100_000 }, seed: 5, prompts: prompts);

        var verdict = await judge.JudgeNarratorAsync(episode, episode.Scenes[0]);

        Assert.NotNull(verdict);
        var user = Assert.Single(asked);
        Assert.StartsWith("SCENE ", user, StringComparison.Ordinal);
        Assert.EndsWith("Score it.", user, StringComparison.Ordinal);
        Assert.DoesNotContain("[NARRATOR]", user, StringComparison.Ordinal);
        Assert.Contains("\nN> ", user, StringComparison.Ordinal);
    }

    [Fact]
    public void The_interview_question_names_the_character_and_the_statement()
    {
        var item = BigFiveInventory.Items[0];

        var question = BigFiveInterview.Question(ResearchPrompts.BuiltIn, "en", "Mara", item);

        Assert.Equal($"Someone asks how you see yourself, and you answer honestly, as Mara.\nStatement: \"{BigFiveInventory.Stem} {item.Text}.\"\n"
            + "How much do you agree? rating: 1 = disagree strongly, 2 = disagree a little, 3 = neither agree nor disagree, 4 = agree a little, 5 = agree strongly.", question);
    }

    [Fact]
    public void A_character_of_a_chinese_world_is_interviewed_wholly_in_chinese()
    {
        var questions = BigFiveInventory.Items.Select(item => BigFiveInterview.Question(ResearchPrompts.BuiltIn, "zh", "玛拉", item)).ToList();

        Assert.StartsWith("有人问你如何看待自己，你以玛拉的身份如实回答。\n陈述：“我觉得自己健谈。”", questions[0], StringComparison.Ordinal);
        Assert.All(questions, q => Assert.Equal(["rating"], LatinWord().Matches(q).Select(m => m.Value).Distinct()));
        Assert.Equal(44, questions.Distinct().Count());
    }
}
