using TaleForge.Core.Definitions;
using TaleForge.Core.Events;

namespace TaleForge.Core.Phrasing;

/// <summary>Rule narration in Chinese. Person is marked by the pronoun alone, so one template serves both.</summary>
public sealed class ChinesePhrasebook : Phrasebook
{
    public override string DirectionWord(Direction direction) => direction switch
    {
        Direction.North => "北",
        Direction.South => "南",
        Direction.East => "东",
        Direction.West => "西",
        Direction.Northeast => "东北",
        Direction.Northwest => "西北",
        Direction.Southeast => "东南",
        Direction.Southwest => "西南",
        Direction.Up => "上",
        Direction.Down => "下",
        Direction.In => "里",
        Direction.Out => "外",
        _ => direction.Word(),
    };

    public override string Left(Subject who, string exit, string destination) =>
        who.IsYou ? $"你往{exit}走，来到{destination}。" : $"{who.Name}往{exit}离开了。";

    public override string Arrived(Subject who, string origin) => $"{Name(who)}从{origin}过来了。";
    public override string Gathered(Subject who, string destination) => $"{Name(who)}来到了{destination}。";

    public override string Took(Subject who, string item) => $"{Name(who)}拿起了{item}。";
    public override string Dropped(Subject who, string item) => $"{Name(who)}放下了{item}。";
    public override string Gave(Subject who, string item, Subject to) => $"{Name(who)}把{item}交给了{Name(to)}。";

    public override string Said(Subject who, string text, IReadOnlyList<Subject> to) =>
        to.Count == 0 ? $"{Name(who)}说：\u201c{text}\u201d" : $"{Name(who)}对{List([.. to.Select(Name)])}说：\u201c{text}\u201d";

    public override string HeardFrom(string place, string text) => $"从{place}那边传来动静：{text}";

    public override string Overheard(Subject who, string text, IReadOnlyList<Subject> to, string place) =>
        to.Count == 0
            ? $"从{place}传来{Name(who)}的声音：\u201c{text}\u201d"
            : $"从{place}传来{Name(who)}对{List([.. to.Select(Name)])}说话的声音：\u201c{text}\u201d";

    public override string TriedAction(string imperative) => $"试着{imperative.Trim()}，但什么也没有发生";

    public override string Acted(Subject who, string action) => $"{Name(who)}{Finished(action)}";
    public override string PositionChanged(Subject who, string position) => $"{Name(who)}现在{position}。";
    public override string ConditionChanged(Subject who, string condition) => $"{Name(who)}：{condition}。";
    public override string EmotionChanged(Subject who, string emotion) => $"{Name(who)}显得{emotion}。";

    public override string Refused(Subject who, VetoReason reason, Func<string, string> itemName, Func<string, string> characterName) =>
        reason switch
        {
            VetoReason.NoSuchExit x => $"从这里无法往\u201c{x.Exit}\u201d走。",
            VetoReason.ExitBlocked { Text: { Length: > 0 } text } => text,
            VetoReason.ExitBlocked x => $"往{x.Exit}的路不通。",
            VetoReason.UnknownItem x => $"这里看不到\u201c{x.Name}\u201d。",
            VetoReason.ItemNotHere x => $"{itemName(x.Item)}不在这里。",
            VetoReason.NotPortable x => $"{itemName(x.Item)}拿不走。",
            VetoReason.AlreadyCarrying x => $"{Name(who)}已经带着{itemName(x.Item)}了。",
            VetoReason.NotCarrying x => $"{Name(who)}没有带着{itemName(x.Item)}。",
            VetoReason.UnknownCharacter x => $"这里没有叫\u201c{x.Name}\u201d的人。",
            VetoReason.Absent x => $"{characterName(x.Character)}不在这里。",
            VetoReason.SelfTarget => $"{Name(who)}不能对自己这样做。",
            VetoReason.StoryOver => "故事已经结束了。",
            _ => $"{Name(who)}做不到。",
        };

    public override string ExitList(IReadOnlyList<string> exits) =>
        exits.Count == 0 ? "没有出路。" : $"出口：{string.Join("、", exits)}。";

    public override string ItemsHere(IReadOnlyList<string> items) => $"你看到{List(items)}。";
    public override string PeopleHere(IReadOnlyList<string> people) => $"{List(people)}在这里。";
    public override string Inventory(IReadOnlyList<string> items) =>
        items.Count == 0 ? "你什么也没带。" : $"你带着{List(items)}。";

    public override string Yourself(string name, string description, string position, string condition, IReadOnlyList<string> items)
    {
        var parts = new List<string> { $"你是{name}。" };
        parts.AddRange(new[] { description }.Where(d => d.Trim().Length > 0).Select(Finished));
        var now = new[] { position, condition }.Where(p => p.Trim().Length > 0).Select(p => p.Trim().TrimEnd('。')).ToList();
        if (now.Count > 0)
        {
            parts.Add($"你此刻{string.Join("，", now)}。");
        }
        parts.Add(Inventory(items));
        return string.Concat(parts);
    }

    public override string NothingSpecial(string target) => $"{target}没有什么特别的。";
    public override string CannotSee(string target) => $"这里看不到\u201c{target}\u201d。";
    public override string WaitAction => "静静等待着";
    public override string UnstatedEmotion => "平静";
    public override string CarriedBy(string person) => $"在{person}手里。";

    public override string AttemptGo(string exit) => $"往{exit}走";
    public override string AttemptTake(string item) => $"拿{item}";
    public override string AttemptDrop(string item) => $"放下{item}";
    public override string AttemptGive(string item, string to) => $"把{item}给{to}";

    public override string SceneBegins(string title) => title;
    public override string StoryEnds => "故事到此结束。";
    public override string AuthoredMode => "未配置模型：角色将说作者写好的台词（作者模式）。";

    public override string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "什么也没有",
        1 => items[0],
        _ => $"{string.Join("、", items.Take(items.Count - 1))}和{items[^1]}",
    };

    public override string Definite(string name) => name;

    private static string Name(Subject who) => who.IsYou ? "你" : who.Name;

    public override string Sentence(string text) => Finished(text);

    private static string Finished(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || char.IsPunctuation(trimmed[^1]) ? trimmed : trimmed + "。";
    }
}
