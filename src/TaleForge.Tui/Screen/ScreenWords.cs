namespace TaleForge.Tui.Screen;

/// <summary>The full-screen game's own words (panel headings, keys, dialogs) in the world's language.</summary>
public sealed record ScreenWords
{
    public static ScreenWords English { get; } = new();

    public static ScreenWords Chinese { get; } = new()
    {
        Place = "地点",
        Time = "时间",
        Scene = "场景",
        Goal = "目标",
        Here = "在场",
        Carrying = "携带",
        Exits = "出口",
        Things = "物品",
        Nobody = "无人",
        Nothing = "无",
        Help = "帮助",
        Save = "保存",
        Load = "读取",
        Retry = "重试",
        Undo = "撤销",
        Map = "地图",
        Settings = "设置",
        LoadingModel = "正在加载",
        IsThinking = "正在思考…",
        Stops = "停止",
        BranchesTitle = "上一回合的其他走向",
        PlayedNow = "当前",
        NewGame = "新游戏",
        BranchesHelp = "输入行为空时 ← → 浏览上一回合的其他走向，Enter 从所选走向继续",
        MouseHelp = "滚轮滚动故事 · 按住 Shift 拖动可选择复制",
        NewGameTitle = "新游戏：选择世界",
        PlayAs = "扮演谁",
        Playable = "（主角）",
        NoWorlds = "世界文件夹里没有可玩的世界。",
        BranchesKeys = "← → 其他走向 · Enter 从这个走向继续 · Esc 关闭",
        NoBranches = "上一回合没有其他走向：撤销或重试会产生新的走向。",
        SettingsNote = "写入配置文件，下次开始游戏时生效。",
        Unset = "（默认）",
        Panel = "面板",
        Quit = "退出",
        Search = "搜索",
        Transcript = "记录",
        TabCompletes = "Tab 补全",
        Try = "可以试试",
        SaveTitle = "保存游戏",
        SaveName = "存档名",
        LoadTitle = "读取游戏",
        NoSaves = "还没有存档。",
        QuitTitle = "退出？",
        QuitQuestion = "游戏已自动保存。确定退出吗？(y/n)",
        MapTitle = "已到过的地方",
        EndingTitle = "故事结束",
        EndingOffer = "Ctrl-Z 撤销最后一步 · F3 读取存档 · Ctrl-Q 退出",
        SearchTitle = "在故事中搜索",
        NotFound = "没有找到。",
        NewText = "有新内容",
        Thinking = "正在思考…",
        Busy = "故事进行中… Esc 停止",
        EnterPicks = "Enter 确定 · Esc 取消",
        AuthoredModel = "作者台词",
        WrittenTo = "已写入",
    };

    public string Place { get; init; } = "Place";
    public string Time { get; init; } = "Time";
    public string Scene { get; init; } = "Scene";
    public string Goal { get; init; } = "Goal";
    public string Here { get; init; } = "Here";
    public string Carrying { get; init; } = "Carrying";
    public string Exits { get; init; } = "Exits";
    public string Things { get; init; } = "You see";
    public string Nobody { get; init; } = "no one";
    public string Nothing { get; init; } = "nothing";
    public string Help { get; init; } = "Help";
    public string Save { get; init; } = "Save";
    public string Load { get; init; } = "Load";
    public string Retry { get; init; } = "Retry";
    public string Undo { get; init; } = "Undo";
    public string Map { get; init; } = "Map";
    public string Settings { get; init; } = "Settings";
    public string LoadingModel { get; init; } = "Loading";
    public string IsThinking { get; init; } = "is thinking…";
    public string Stops { get; init; } = "stops";
    public string BranchesTitle { get; init; } = "Other ways the last turn went";
    public string PlayedNow { get; init; } = "played now";
    public string NewGame { get; init; } = "New game";
    public string BranchesHelp { get; init; } = "← → on an empty line: other ways the last turn went, Enter continues from one";
    public string MouseHelp { get; init; } = "wheel scrolls the story · Shift-drag selects text to copy";
    public string NewGameTitle { get; init; } = "New game: pick a world";
    public string PlayAs { get; init; } = "play as";
    public string Playable { get; init; } = "(player)";
    public string NoWorlds { get; init; } = "The worlds folder holds no world that can be played.";
    public string BranchesKeys { get; init; } = "← → other ways · Enter continue from this one · Esc closes";
    public string NoBranches { get; init; } = "The last turn went only one way so far: undo or retry makes another.";
    public string SettingsNote { get; init; } = "Written to the config file; used from the next game started.";
    public string Unset { get; init; } = "(default)";
    public string Panel { get; init; } = "Panel";
    public string Quit { get; init; } = "Quit";
    public string Search { get; init; } = "Search";
    public string Transcript { get; init; } = "Transcript";
    public string TabCompletes { get; init; } = "Tab completes";
    public string Try { get; init; } = "Try";
    public string SaveTitle { get; init; } = "Save game";
    public string SaveName { get; init; } = "Name";
    public string LoadTitle { get; init; } = "Load game";
    public string NoSaves { get; init; } = "There are no saves yet.";
    public string QuitTitle { get; init; } = "Quit?";
    public string QuitQuestion { get; init; } = "Every turn is already saved. Quit now? (y/n)";
    public string MapTitle { get; init; } = "Places visited";
    public string EndingTitle { get; init; } = "The end";
    public string EndingOffer { get; init; } = "Ctrl-Z undo the last turn · F3 load a save · Ctrl-Q quit";
    public string SearchTitle { get; init; } = "Search the story";
    public string NotFound { get; init; } = "Not found.";
    public string NewText { get; init; } = "new text";
    public string Thinking { get; init; } = "is thinking…";
    public string Busy { get; init; } = "The story goes on… Esc stops it";
    public string EnterPicks { get; init; } = "Enter picks · Esc cancels";
    public string AuthoredModel { get; init; } = "authored";
    public string WrittenTo { get; init; } = "Written to";

    public static ScreenWords For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
