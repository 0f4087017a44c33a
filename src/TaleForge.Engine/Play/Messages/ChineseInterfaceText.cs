using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;

namespace TaleForge.Engine.Play.Messages;

internal sealed class ChineseInterfaceText : InterfaceText
{
    public override Phrasebook Phrases => Phrasebook.Chinese;

    public override string Commands => """
        行动：  做 动作（或直接输入）    说：话语    故事：文字（旁白）
        移动：  北 东 南 西 东北 西北 东南 西南 上 下 进 出    去 出口（也可用 n s e w u d in out）
        物品：  拿 物品    放下 物品    把 物品 交给 某人    拿走全部    放下全部
        人物：  和 某人 说话    问 某人 关于 话题    对 某人 说：话语
        查看：  看    查看 东西    查看自己    背包    等待    再来（重复上一条命令）
        地点：  详细（每次到达都完整描述）    简略（只在第一次完整描述）
        游戏：  撤销  重做  /retry 重试  存档  /save 名称  读档 名称  重新开始  /timing 计时  帮助  退出
        """;

    protected override string LineKeys => "Ctrl-C 停止生成，Ctrl-D 退出";

    protected override string HelpIndent => "        ";

    public override string YouAre(string character) => $"你扮演{character}。输入 /help 查看命令。";

    protected override string PlayedBy(IEnumerable<(string Role, string Model)> roles) =>
        "模型：" + string.Join("；", roles.Select(r => $"{r.Role}由 {r.Model} 扮演")) + "。";

    protected override string RoleName(Role role, Func<string, string> name) => role.Kind switch
    {
        RoleKind.Characters => "众角色",
        RoleKind.Narrator => "旁白",
        RoleKind.Director => "导演",
        RoleKind.Character or RoleKind.Player => name(role.CharacterId!),
        _ => role.ToString(),
    };
    public override string SavingEveryTurn(string save, string folder) => $"每回合自动存档为“{save}”，位于 {folder}。";

    public override string Goodbye(string? save) => save is null ? "再见。" : $"再见。游戏已存档为“{save}”。";
    public override string EndOfInput(string? save) => save is null ? "（输入结束）" : $"（输入结束；游戏已存档为“{save}”）";

    public override string Undone => "已撤销：回到你的上一回合。";
    public override string NothingToUndo => "没有更早的回合可以回去。";
    public override string Redone => "已重做。";
    public override string NothingToRedo => "没有可以重做的回合。";
    public override string NothingToRetry => "还没有可以重试的回合。";
    public override string Retrying => "重新进行你的上一回合。";
    public override string Stopped => "已停止。回到你的回合；被打断的回合没有保留任何内容。";
    public override string StoppedBeforeYourTurn => "已停止，还没轮到你。按回车或输入指令，故事就会继续。";
    public override string UnknownCommand(string command) => $"未知命令 /{command}。输入 /help 查看命令列表。";
    public override string NotYourTurn => "现在不是你的回合：故事已经结束，或者你在旁观。";

    public override string SavingIsOff => "本局游戏未开启存档（--no-save）。";
    public override string SavedAlready(string save) => $"每回合都已自动存档为“{save}”。要把此刻另存为一个名字：/save 名称";
    public override string SavedAs(string copy, string save) => $"已另存为“{copy}”。游戏在“{save}”中继续。";
    public override string LoadingIsOff => "本局游戏未开启读档（--no-save）。";
    public override string NameTheSave => "请说明要读取的存档：/load 名称（“taleforge saves”可列出存档）。";
    public override string Loaded(string name, string save) => $"已读取“{name}”；游戏在“{save}”中继续。";
    public override string BranchTaken => "游戏从你选的上一回合走向继续；其他走向仍保留在记录中。";
    public override string BranchUnfinished => "那个走向在回到你的回合之前就被停止了，无法从那里继续。";

    public override string WhatTo(MissingNoun verb) => verb switch
    {
        MissingNoun.Take => "拿什么？",
        MissingNoun.Drop => "放下什么？",
        MissingNoun.Examine => "查看什么？",
        MissingNoun.Give => "给什么？",
        MissingNoun.Go => "去哪里？",
        _ => "和谁说话？",
    };

    public override string WhichDoYouMean(IReadOnlyList<string> names) =>
        $"你指的是哪一个：{(names.Count < 2 ? string.Concat(names) : $"{string.Join("、", names.Take(names.Count - 1))}还是{names[^1]}")}？";

    public override string DidYouMean(string typed, string suggestion) => $"不明白\u201c{typed}\u201d。你是说\u201c{suggestion}\u201d吗？（是；或者答“不”照原样做）";
    public override string DidYouMeanName(string name) => $"你是说{name}吗？";
    public override string NothingToTake => "这里没有可以拿的东西。";
    public override string NothingToDrop => "你身上什么也没带。";
    public override string NothingToRepeat => "还没有可以重复的命令。";
    public override string VerboseOn => "今后每次到达一个地方都会完整描述。";
    public override string BriefOn => "今后只在第一次到达一个地方时完整描述。";
    public override string TimingOn => "将显示每回合的用时和速度。";
    public override string TimingOff => "不再显示回合用时。";
    public override string Thinking(string character) => $"{character}正在思考……";

    public override string CtrlCAgainLeaves => "（再按一次 Ctrl-C 离开游戏；每一回合都已存档。也可以输入“退出”。）";

    public override string ModelCallFailed(string who, string failure, bool overflow) => overflow
        ? $"（{who}的模型无法作答：提示超出了它的上下文（{failure}）。故事在没有这条回复的情况下继续；"
          + "要避免这种情况，请用更大的 --ctx-size，或换一个训练上下文更长的模型。）"
        : $"（{who}的模型没有给出可用的回复（{failure}）；故事继续。）";

    public override string TurnTook(TurnTiming timing) => timing.Tokens == 0
        ? $"（本回合：{timing.Seconds:0.0} 秒，没有调用模型）"
        : $"（本回合：{timing.Seconds:0.0} 秒，调用模型 {timing.Calls} 次，{timing.Tokens} 个词元，每秒 {timing.TokensPerSecond:0.0} 个）";

    public override string TheEnd => "*** 全剧终 ***";
    public override string ScenePlayed(string title, string outcome) => outcome switch
    {
        "" => $"・{title}",
        "goal" => $"・{title}：达成了目标。",
        "rounds" => $"・{title}：回合用尽。",
        _ => $"・{title}：{outcome}。",
    };
    public override string TurnsPlayed(int turns) => $"你一共进行了 {turns} 个回合。";
    public override string AfterTheEnd => "故事已经结束。输入“撤销”收回上一回合，“重新开始”从头再来，“读档 名称”打开存档，或“退出”。";
    public override string Restarted => "回到了开头。之前的经过作为分支保留在记录里。";

    public override string Look => "看";
    public override string Inventory => "背包";
    public override string Wait => "等待";
    public override string Go(string exit) => $"去{exit}";
    public override string Take(string item) => $"拿起{item}";
    public override string Drop(string item) => $"放下{item}";
    public override string Give(string item, string person) => $"把{item}交给{person}";
    public override string TalkTo(string person) => $"和{person}说话";
    public override string Examine(string thing) => $"查看{thing}";
}
