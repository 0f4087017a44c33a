using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;

namespace TaleForge.Engine.Play.Messages;

internal sealed class ChineseInterfaceText : InterfaceText
{
    public override Phrasebook Phrases => Phrasebook.Chinese;

    public override string Help => """
        行动：  做 动作（或直接输入）    说：话语    故事：文字（旁白）
        移动：  去 出口    （也可用 n s e w ne nw se sw u d in out）
        物品：  拿 物品    放下 物品    把 物品 交给 某人
        人物：  和 某人 说话    问 某人 关于 话题    对 某人 说：话语
        查看：  看    查看 东西    背包    等待
        游戏：  /undo 撤销  /redo 重做  /retry 重试  /save 名称 存档  /load 名称 读档  /help 帮助  /quit 退出
                Ctrl-C 停止生成，Ctrl-D 退出
        """;

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
    public override string UnknownCommand(string command) => $"未知命令 /{command}。输入 /help 查看命令列表。";
    public override string NotYourTurn => "现在不是你的回合：故事已经结束，或者你在旁观。";

    public override string SavingIsOff => "本局游戏未开启存档（--no-save）。";
    public override string SavedAlready(string save) => $"每回合都已自动存档为“{save}”。要把此刻另存为一个名字：/save 名称";
    public override string SavedAs(string copy, string save) => $"已另存为“{copy}”。游戏在“{save}”中继续。";
    public override string LoadingIsOff => "本局游戏未开启读档（--no-save）。";
    public override string NameTheSave => "请说明要读取的存档：/load 名称（“taleforge saves”可列出存档）。";
    public override string Loaded(string name, string save) => $"已读取“{name}”；游戏在“{save}”中继续。";

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
