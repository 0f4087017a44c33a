using Microsoft.Extensions.AI;
using TaleForge.Core.State;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Tests.Prompts;

/// <summary>
/// The prompt templates: each built-in one renders in English and in Chinese with the values it is given, a
/// folder's template replaces the built-in one of the same name in what the model is sent, and a bad template is
/// refused, naming its file and line, before any model is asked.
/// </summary>
public sealed class PromptSetTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Kinds() => [.. EnginePrompts.Kinds.Select(k => k.Name)];

    private static PromptKind Kind(string name) => EnginePrompts.Kinds.Single(k => k.Name == name);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_engine_prompt_renders_in_english_and_chinese_with_the_values_it_is_given(string name)
    {
        var kind = Kind(name);

        var english = PromptSet.BuiltIn.Render(kind, "en", PromptSamples.For(kind, chinese: false));
        var chinese = PromptSet.BuiltIn.Render(kind, "zh-CN", PromptSamples.For(kind, chinese: true));

        Assert.NotEqual(english, chinese);
        Assert.DoesNotContain("{{", english, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", chinese, StringComparison.Ordinal);
        Assert.False(english.EndsWith('\n'));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
    }

    [Fact]
    public void The_english_profile_and_situation_say_who_the_character_is_and_what_it_sees()
    {
        var profile = PromptSet.BuiltIn.Render(EnginePrompts.CharacterProfile, "en", PromptSamples.For(EnginePrompts.CharacterProfile, chinese: false));
        var situation = PromptSet.BuiltIn.Render(EnginePrompts.CharacterSituation, "en", PromptSamples.For(EnginePrompts.CharacterSituation, chinese: false));

        Assert.StartsWith("You are Mara, a character in the story \"The Harbour\".", profile, StringComparison.Ordinal);
        Assert.Contains("Your temperament: very open to new experience, fairly organised and dutiful, neither especially outgoing and talkative nor reserved and quiet, fairly blunt and suspicious, very calm and steady.", profile, StringComparison.Ordinal);
        Assert.Contains("People you know:\n- Tomas [tomas]: trusts him (an old friend)\n", profile, StringComparison.Ordinal);
        Assert.Contains("Your secrets (never reveal them; turn the talk away if someone comes close):\n- She broke the lens.\n", profile, StringComparison.Ordinal);
        Assert.EndsWith("Write every value in English.", profile, StringComparison.Ordinal);
        Assert.StartsWith("Scene: The Quay (The storm breaks), round 2. Time: dusk.\nAround you: rain on the stones\n", situation, StringComparison.Ordinal);
        Assert.Contains("- Tomas [tomas]: a fisherman, by the boat, soaked, seems worried\n", situation, StringComparison.Ordinal);
        Assert.Contains("You carry: key [key].\nYou are on the steps, tired, feeling uneasy.\n", situation, StringComparison.Ordinal);
        Assert.EndsWith("A note for this round: Press Tomas.", situation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chinese_profile_and_turn_are_worded_in_chinese_with_the_values_given()
    {
        var profile = PromptSet.BuiltIn.Render(EnginePrompts.CharacterProfile, "zh", PromptSamples.For(EnginePrompts.CharacterProfile, chinese: true));
        var turn = PromptSet.BuiltIn.Render(EnginePrompts.NarratorTurn, "zh", PromptSamples.For(EnginePrompts.NarratorTurn, chinese: true));

        Assert.StartsWith("你是玛拉，故事《雨夜茶馆》中的一个角色。", profile, StringComparison.Ordinal);
        Assert.Contains("你的性情：非常乐于尝试新事物；比较有条理、尽职尽责；既不算特别外向健谈，也不算内敛安静；比较直率多疑；非常沉着稳定。", profile, StringComparison.Ordinal);
        Assert.EndsWith("所有内容都用简体中文书写。", profile, StringComparison.Ordinal);
        Assert.Equal("玛拉［mara］的行动：举起灯笼，并说：“抓紧了！”。这次尝试失败了：世界不允许这样做。托马斯的反应：后退一步，并说：“小心！”。", turn);
    }

    [Fact]
    public async Task A_chinese_world_is_asked_again_in_chinese_after_an_invalid_reply()
    {
        var world = TestWorld.Harbour("zh");
        var first = true;
        var model = new Inference.Fakes.CallbackChatClient((messages, _) =>
        {
            if (messages[^1].Text.Contains("你上一条回复无效", StringComparison.Ordinal) || !first)
            {
                return """{"summary":"夜深了。"}""";
            }
            first = false;
            return "not json";
        });
        var narrator = new ModelNarrator(new ModelRole { Client = model, Model = "m", ContextTokens = 8192 });

        var result = await narrator.SummariseRoundAsync(new Agents.NarratorView(WorldState.Initial(world), [], ""), new Agents.AgentCall(1, Agents.Role.Narrator, Narration.NarratorPhase.RoundEnd, 1), CancellationToken.None);

        Assert.Equal("夜深了。", result.Value);
        var reask = model.Calls[^1].Messages[^1].Text;
        Assert.StartsWith("你上一条回复无效，原因：", reask, StringComparison.Ordinal);
        Assert.EndsWith("。请重新回复，只给出修正后的值。", reask, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "回复是空的")]
    [InlineData("not json", "回复无法解析")]
    [InlineData("""{"summary":5}""", "/summary：类型应为字符串")]
    [InlineData("""{}""", "缺少必填字段“summary”")]
    [InlineData("""{"summary":"夜深了。","mood":"calm"}""", "不允许有字段“mood”")]
    public async Task A_chinese_reask_words_what_was_wrong_in_chinese(string invalid, string expected)
    {
        var world = TestWorld.Harbour("zh");
        var model = new Inference.Fakes.CallbackChatClient((messages, _) =>
            messages[^1].Text.Contains("你上一条回复无效", StringComparison.Ordinal) ? """{"summary":"夜深了。"}""" : invalid);
        var narrator = new ModelNarrator(new ModelRole { Client = model, Model = "m", ContextTokens = 8192 });

        var result = await narrator.SummariseRoundAsync(new Agents.NarratorView(WorldState.Initial(world), [], ""), new Agents.AgentCall(1, Agents.Role.Narrator, Narration.NarratorPhase.RoundEnd, 1), CancellationToken.None);

        Assert.Equal("夜深了。", result.Value);
        Assert.Equal($"你上一条回复无效，原因：{expected}。请重新回复，只给出修正后的值。", model.Calls[^1].Messages[^1].Text);
    }

    [Fact]
    public void A_world_in_another_language_is_told_to_write_in_that_language_in_english()
    {
        var voice = PromptSet.BuiltIn.Render(EnginePrompts.NarratorVoice, "fr", new VoiceFields { Language = "fr", Title = "Le Port" });

        Assert.Equal("You are the narrator of \"Le Port\", an interactive story. You describe what happens and judge its effects; you never decide what the characters do or say.\nWrite every value in the language with code 'fr'.", voice);
    }

    [Fact]
    public async Task A_template_in_the_prompt_folder_replaces_the_built_in_one_in_what_the_model_is_sent()
    {
        _folder.Write("mine/en/character-turn.sbn", "YOUR MOVE. Pick one of: {{ commands | array.join \", \" }}.\n");
        var prompts = PromptSet.Load(EnginePrompts.Kinds, Path.Combine(_folder.Path, "mine"));
        var world = TestWorld.Harbour();
        var model = GrammarModel.Create();
        var role = new ModelRole { Client = model, Model = "grammar-model", ContextTokens = 8192 };
        var cast = EpisodeCast.Build(world, player: null, director: false, r => new ModelReference { Role = r, File = "grammar-model" }, _ => role, prompts: prompts);

        await new GameSession(world, cast, new SessionOptions { Seed = 3, RoundLimit = 1 }).RunAsync();

        var turns = model.Calls.Where(c => c.Messages.Last().Text.Contains("Pick one of:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(turns);
        Assert.All(turns, t => Assert.Matches(@"\n\nYOUR MOVE\. Pick one of: ([a-z_ ]+, )*none(, [a-z_ ]+)*\.$", t.Messages.Last().Text));
        Assert.DoesNotContain(model.Calls, c => c.Messages.Last().Text.Contains("It is your turn. Choose:", StringComparison.Ordinal));
        // Every other call is worded as built in.
        Assert.Contains(model.Calls, c => c.Messages.Last().Text.Contains("Narrate in one to three sentences", StringComparison.Ordinal));
        Assert.StartsWith("mine sha256:", prompts.Description, StringComparison.Ordinal);
        Assert.Null(PromptSet.BuiltIn.Description);
    }

    [Fact]
    public void A_placeholder_its_prompt_does_not_offer_is_refused_with_the_file_and_line()
    {
        var path = _folder.Write("bad/en/narrator-result.sbn", "{{ turn }}\nWhat came of it for {{ charcters | array.join \", \" }}?\n");

        var error = Assert.Throws<PromptTemplateException>(() => PromptSet.Load(EnginePrompts.Kinds, Path.Combine(_folder.Path, "bad")));

        Assert.Equal($"{path}:2: unknown placeholder 'charcters'; known: characters, turn", Assert.Single(error.Errors));
        Assert.Equal(1, error.ExitCode);
    }

    [Fact]
    public void Names_a_template_declares_for_itself_and_members_of_its_fields_are_not_placeholders()
    {
        _folder.Write("own/en/narrator-updates.sbn", "{{ who = characters | array.join \" and \" }}{{ for c in characters }}{{ for.index }}{{ c }}{{ end }}{{ turn | string.size }} {{ who }}\n");

        var prompts = PromptSet.Load(EnginePrompts.Kinds, Path.Combine(_folder.Path, "own"));

        Assert.Equal("0a1b3 a and b", prompts.Render(EnginePrompts.NarratorUpdates, "en", new TurnQuestionFields("abc", ["a", "b"])));
    }

    [Fact]
    public void A_template_that_does_not_parse_is_refused_with_the_file_and_line()
    {
        var path = _folder.Write("broken/zh/character-reflect.sbn", "回顾一下。\n{{ if true }}\n还有\n");

        var error = Assert.Throws<PromptTemplateException>(() => PromptSet.Load(EnginePrompts.Kinds, Path.Combine(_folder.Path, "broken")));

        Assert.All(error.Errors, e => Assert.StartsWith($"{path}:", e, StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("end", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_named_for_no_prompt_is_refused_rather_than_silently_unused()
    {
        var path = _folder.Write("typo/en/character-trun.sbn", "Your turn.\n");
        _folder.Write("typo/de/character-turn.sbn", "Du bist dran.\n");

        var error = Assert.Throws<PromptTemplateException>(() => PromptSet.Load(EnginePrompts.Kinds, Path.Combine(_folder.Path, "typo")));

        Assert.Equal(2, error.Errors.Length);
        Assert.Contains(error.Errors, e => e.StartsWith($"{path}:1: no prompt is called 'character-trun'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("a template belongs in en/ or zh/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_prompt_folder_is_a_usage_error()
    {
        var error = Assert.Throws<Core.TaleForgeException>(() => PromptSet.Load(EnginePrompts.Kinds, Path.Combine(_folder.Path, "nowhere")));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains("taleforge prompts export", error.Message, StringComparison.Ordinal);
    }
}
