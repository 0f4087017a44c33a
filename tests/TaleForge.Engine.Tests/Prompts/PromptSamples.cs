using TaleForge.Engine.Agents.Candidates;
using TaleForge.Engine.Agents.Prompts;

using TaleForge.Inference.Structured;

namespace TaleForge.Engine.Tests.Prompts;

/// <summary>Fields for every engine prompt with every optional part filled, in English or in Chinese, so each branch of a template renders.</summary>
internal static class PromptSamples
{
    public static object For(PromptKind kind, bool chinese)
    {
        string T(string english, string chinese_) => chinese ? chinese_ : english;
        var language = chinese ? "zh" : "en";
        var turn = T("Mara [mara] acted: lifts the lantern.", "玛拉［mara］的行动：举起灯笼。");
        return kind.Name switch
        {
            "character-profile" => new ProfileFields
            {
                Language = language,
                Name = T("Mara", "玛拉"),
                WorldTitle = T("The Harbour", "雨夜茶馆"),
                Premise = T("A storm is coming.", "暴雨将至。"),
                Description = T("A tall woman in oilskins.", "一个穿油布衣的高个女人。"),
                Background = T("She kept the light for ten years.", "她守了十年灯塔。"),
                BigFive = new BigFiveFields(0.9, 0.7, 0.5, 0.3, 0.1),
                Traits = [T("stubborn", "固执"), T("kind", "善良")],
                SpeechStyle = T("Short and dry.", "简短而干脆。"),
                SpeechExamples = [T("Hold fast.", "抓紧了。")],
                Catchphrases = [T("Steady now.", "稳住。")],
                ShortTermGoals = [T("Light the lamp.", "点亮灯。")],
                LongTermGoals = [T("Keep the harbour safe.", "守护港口平安。")],
                Relationships = [new RelationshipFields(T("Tomas", "托马斯"), "tomas", T("trusts him", "信任他"), T("an old friend", "老朋友"))],
                Knowledge = [T("The oil is low.", "灯油不多了。")],
                Secrets = [T("She broke the lens.", "是她打碎了透镜。")],
            },
            "character-situation" => new SituationFields
            {
                Scene = new SceneFields(T("The Quay", "码头"), T("The storm breaks", "暴雨来临"), 2, T("dusk", "黄昏"), T("rain on the stones", "雨打在石板上")),
                Location = new PlaceFields(T("the quay", "码头"), T("Wet stones and ropes.", "湿漉漉的石板和缆绳。")),
                Exits = ["north"],
                Items = [new ThingFields(T("lantern", "灯笼"), "lantern")],
                People = [new PersonFields(T("Tomas", "托马斯"), "tomas", T("a fisherman", "一个渔夫"), T("by the boat", "在船边"), T("soaked", "浑身湿透"), T("worried", "担忧"))],
                Inventory = [new ThingFields(T("key", "钥匙"), "key")],
                Position = T("on the steps", "在台阶上"),
                Condition = T("tired", "疲惫"),
                Emotion = T("uneasy", "不安"),
                Belief = T("The storm is near.", "暴雨近了。"),
                Desire = T("Shelter.", "找个地方避雨。"),
                Intention = T("Go inside.", "进屋去。"),
                Others = [new OpinionFields(T("Tomas", "托马斯"), T("He hides something.", "他有所隐瞒。"))],
                Lore = [T("The lamp was lit in 1820.", "这盏灯始燃于很多年前。")],
                Remembered = [T("Tomas looked away.", "托马斯移开了目光。")],
                Latest = [T("Thunder rolls.", "雷声滚滚。")],
                Direction = T("Press Tomas.", "追问托马斯。"),
            },
            "character-beliefs" => new BeliefsFields(NobodyHere: true),
            "character-reflect" or "narrator-environment" or "narrator-summary" => new NoFields(),
            "character-turn" or "character-action" => new CommandFields(["none", "go north", "take lantern"]),
            "character-dialogue" => new DialogueFields(T("lifts the lantern", "举起灯笼")),
            "character-reaction" or "character-reaction-visible" =>
                new ReactionFields(T("Tomas", "托马斯"), T("drops the net", "扔下渔网"), T("Look out!", "当心！"), T("You are startled.", "你吓了一跳。")),
            "narrator-voice" => new VoiceFields
            {
                Language = language,
                Title = T("The Harbour", "雨夜茶馆"),
                Premise = T("A storm is coming.", "暴雨将至。"),
                Setting = T("A fishing town.", "一个渔村。"),
                Tone = T("Quiet dread.", "压抑的不安。"),
                NarrationStyle = T("Plain and short.", "朴素简短。"),
            },
            "narrator-scene" => new NarratorSceneFields
            {
                Scene = new NarratedSceneFields(T("The Quay", "码头"), T("The storm breaks", "暴雨来临"), 2, T("the quay", "码头"), T("dusk", "黄昏"), T("rain", "下雨")),
                Characters = [new CastMemberFields(T("Mara", "玛拉"), "mara", T("the quay", "码头"), T("on the steps", "在台阶上"), T("tired", "疲惫"), T("uneasy", "不安"), [T("key", "钥匙")])],
                StorySoFar = T("Mara waited for the boats.", "玛拉在等船回来。"),
                Round = [T("Thunder rolls.", "雷声滚滚。")],
            },
            "narrator-turn" => new TurnFields(T("Mara", "玛拉"), "mara", T("lifts the lantern", "举起灯笼"), T("Hold fast!", "抓紧了！"), Refused: true,
                [new TurnReactionFields(T("Tomas", "托马斯"), T("steps back", "后退一步"), T("Careful!", "小心！"))]),
            "narrator-direct" => new DirectFields(["mara", "tomas"]),
            "narrator-influence" or "narrator-influence-one" or "narrator-result" or "narrator-updates" => new TurnQuestionFields(turn, ["tomas", "mara"]),
            "candidate-pick-system" => new CandidatePickSystemFields(language),
            "candidate-pick" => new CandidatePickFields(
                [T("You are Mara.", "你是玛拉。")],
                [new CandidateFields(1, T("action: waits", "action: 等待")), new CandidateFields(2, T("action: runs", "action: 奔跑"))]),
            "reply-again" => ReplyAgainFields.Of(new ReplyProblem(ReplyFailure.RuleViolation, "command must be one of: none, go north",
                [ReplyViolation.NotAmong("/command", ["none", "go north"])])),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind.Name, "no sample fields for this prompt"),
        };
    }
}
