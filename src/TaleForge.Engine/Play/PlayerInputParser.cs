using System.Text.RegularExpressions;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;

namespace TaleForge.Engine.Play;

/// <summary>
/// Reads what the player types. The interactive-fiction verbs (look, examine, inventory, go and the compass,
/// take, drop, give, talk to, ask, wait, again, take all, drop all) and the input modes <c>do</c>, <c>say</c> and
/// <c>story</c> are recognised in English, and their common Chinese forms too (bare directions 北 东 南 西 上 下 进 出
/// included); the game's own commands are understood with or without a slash. Anything else is a free action.
/// Names stay as typed: the rules resolve them against what is in reach.
/// </summary>
public sealed partial class PlayerInputParser(Phrasebook phrases)
{
    /// <summary>The English verbs the parser knows, for "did you mean" when a typed verb is none of them.</summary>
    public static IReadOnlyList<string> Verbs { get; } =
    [
        "examine", "inspect", "read", "search", "look", "inventory", "wait", "go", "walk", "climb", "enter",
        "give", "take", "get", "grab", "drop", "say", "tell", "shout", "whisper", "talk", "speak", "ask",
        "again", "undo", "redo", "save", "restore", "restart", "quit", "help", "verbose", "brief", "exits",
    ];

    /// <summary>The two-character Chinese verbs the parser knows, for "did you mean" on a mistyped one ("查着" for 查看).</summary>
    public static IReadOnlyList<string> ChineseVerbs { get; } =
    [
        "查看", "检查", "细看", "看看", "拿起", "捡起", "拾起", "放下", "丢下", "扔下", "交给", "递给", "说话", "交谈",
        "等待", "环顾", "观察", "背包", "物品", "帮助", "撤销", "重做", "存档", "读档", "退出", "详细", "简略",
    ];

    /// <summary>The Chinese verbs of <see cref="ChineseVerbs"/> that make sense alone.</summary>
    public static IReadOnlySet<string> ChineseVerbsAlone { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "等待", "环顾", "观察", "背包", "物品", "帮助", "撤销", "重做", "存档", "退出", "详细", "简略",
    };

    /// <summary>Verbs that make sense alone, with no noun after them.</summary>
    public static IReadOnlySet<string> VerbsAlone { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "look", "inventory", "wait", "again", "undo", "redo", "save", "restore", "restart", "quit", "help", "verbose", "brief", "exits",
    };

    /// <summary>The words a player uses for their own character ("x me", "examine myself", "查看自己").</summary>
    public static bool IsSelf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() is "me" or "myself" or "self" or "yourself" or "我" or "自己" or "我自己";
    }

    public PlayerInput Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.Length == 0)
        {
            return new PlayerInput.Empty();
        }
        if (text[0] == '/')
        {
            return ParseMeta(text[1..]);
        }
        return ParseGame(text) ?? ParseEnglish(text) ?? ParseChinese(text) ?? Act(text);
    }

    // The game's own commands typed as words, as interactive fiction has always taken them ("save", "g", "brief").
    private static PlayerInput? ParseGame(string text)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var word = parts[0].ToLowerInvariant();
        var alone = parts.Length == 1;
        return word switch
        {
            "again" or "g" or "再来" or "重复" when alone => new PlayerInput.Meta(MetaCommand.Again, ""),
            "save" or "存档" when alone => new PlayerInput.Meta(MetaCommand.Save, ""),
            "load" or "restore" or "读档" => new PlayerInput.Meta(MetaCommand.Load, alone ? "" : parts[1]),
            "restart" or "重新开始" when alone => new PlayerInput.Meta(MetaCommand.Restart, ""),
            "undo" or "撤销" when alone => new PlayerInput.Meta(MetaCommand.Undo, ""),
            "redo" or "重做" when alone => new PlayerInput.Meta(MetaCommand.Redo, ""),
            "help" or "帮助" when alone => new PlayerInput.Meta(MetaCommand.Help, ""),
            "quit" or "退出" when alone => new PlayerInput.Meta(MetaCommand.Quit, ""),
            "verbose" or "详细" when alone => new PlayerInput.Meta(MetaCommand.Verbose, ""),
            "brief" or "简略" when alone => new PlayerInput.Meta(MetaCommand.Brief, ""),
            _ => null,
        };
    }

    private static PlayerInput ParseMeta(string text)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries);
        var command = parts[0].ToLowerInvariant() switch
        {
            "help" or "h" or "?" => MetaCommand.Help,
            "undo" or "u" => MetaCommand.Undo,
            "redo" => MetaCommand.Redo,
            "retry" or "r" => MetaCommand.Retry,
            "save" => MetaCommand.Save,
            "load" or "restore" => MetaCommand.Load,
            "quit" or "q" or "exit" => MetaCommand.Quit,
            "again" or "g" => MetaCommand.Again,
            "restart" => MetaCommand.Restart,
            "verbose" => MetaCommand.Verbose,
            "brief" => MetaCommand.Brief,
            "timing" or "time" or "stats" => MetaCommand.Timing,
            _ => MetaCommand.Unknown,
        };
        return new PlayerInput.Meta(command, command == MetaCommand.Unknown ? parts[0] : parts.ElementAtOrDefault(1) ?? "");
    }

    private PlayerInput? ParseEnglish(string text)
    {
        // "I sit by the fire" is the player's own action, told as "sit by the fire".
        if (Match(FirstPerson(), text) is { } said)
        {
            text = said.Groups["rest"].Value;
        }
        var lower = text.ToLowerInvariant().TrimEnd('.', '!');
        if (lower is "look" or "l" or "look around" or "exits")
        {
            return new PlayerInput.Ask(new Query.Look());
        }
        if (lower is "inventory" or "inv" or "i")
        {
            return new PlayerInput.Ask(new Query.Inventory());
        }
        if (lower is "wait" or "z")
        {
            return Turn(new CharacterTurn { Action = phrases.WaitAction });
        }
        if (DirectionNames.TryParse(lower, out var direction))
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Go(direction.Word()) });
        }
        if (lower is "take all" or "get all" or "take everything" or "pick up all")
        {
            return new PlayerInput.Everything(Take: true);
        }
        if (lower is "drop all" or "drop everything")
        {
            return new PlayerInput.Everything(Take: false);
        }
        if (lower switch
        {
            "take" or "get" or "grab" or "pick up" => MissingNoun.Take,
            "drop" or "put down" => MissingNoun.Drop,
            "examine" or "x" or "inspect" or "look at" or "read" or "search" => MissingNoun.Examine,
            "give" or "hand" or "offer" => MissingNoun.Give,
            "go" or "walk" or "head" or "climb" => MissingNoun.Go,
            "talk" or "talk to" or "speak" or "speak to" or "ask" => MissingNoun.TalkTo,
            _ => (MissingNoun?)null,
        } is { } missing)
        {
            return new PlayerInput.Incomplete(missing);
        }
        if (text[0] is '"' or '\u201c')
        {
            return Turn(new CharacterTurn { Dialogue = text.Trim('"', '\u201c', '\u201d').Trim() });
        }

        if (Match(EnglishExamine(), text) is { } examine)
        {
            return new PlayerInput.Ask(new Query.Examine(examine.Groups["what"].Value));
        }
        if (Match(EnglishGo(), text) is { } go)
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Go(go.Groups["where"].Value) });
        }
        if (Match(EnglishGive(), text) is { } give)
        {
            var to = give.Groups["to"].Value;
            return Turn(new CharacterTurn { Command = new WorldCommand.Give(give.Groups["what"].Value, to), Targets = [to] });
        }
        if (Match(EnglishTake(), text) is { } take)
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Take(take.Groups["what"].Value) });
        }
        if (Match(EnglishDrop(), text) is { } drop)
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Drop(drop.Groups["what"].Value) });
        }
        if (Match(EnglishSayTo(), text) is { } sayTo)
        {
            var to = sayTo.Groups["to"].Value;
            return Turn(new CharacterTurn { Dialogue = sayTo.Groups["line"].Value.Trim('"'), Targets = [to] });
        }
        if (Match(EnglishSay(), text) is { } say)
        {
            return Turn(new CharacterTurn { Dialogue = say.Groups["line"].Value.Trim('"') });
        }
        if (Match(EnglishTalk(), text) is { } talk)
        {
            return Turn(new CharacterTurn { Action = phrases.ThirdPersonAction(text), Targets = [talk.Groups["who"].Value] });
        }
        if (Match(EnglishStory(), text) is { } story)
        {
            return Turn(new CharacterTurn { Story = story.Groups["text"].Value });
        }
        if (Match(EnglishDo(), text) is { } act)
        {
            return Act(act.Groups["text"].Value);
        }
        return null;
    }

    [GeneratedRegex(@"^(?:I\s+try\s+to|I'll|I\s+will|I(?:'m|\s+am)(?=\s+\w+ing\b)|I)\s+(?<rest>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FirstPerson();

    private static PlayerInput? ParseChinese(string text)
    {
        text = text.TrimEnd('。', '！', '!', '.');
        if (text is "看" or "环顾" or "观察" or "四处看看" or "出口")
        {
            return new PlayerInput.Ask(new Query.Look());
        }
        if (ChineseDirection(text) is { } direction)
        {
            // The exit is named in Chinese, so a refusal quotes the word the player typed.
            return Turn(new CharacterTurn { Command = new WorldCommand.Go(Phrasebook.Chinese.DirectionWord(direction)) });
        }
        if (text is "拿走全部" or "全部拿起" or "拿起全部" or "拿全部")
        {
            return new PlayerInput.Everything(Take: true);
        }
        if (text is "放下全部" or "全部放下")
        {
            return new PlayerInput.Everything(Take: false);
        }
        if (text switch
        {
            "拿" or "拿起" or "捡" or "捡起" or "拾" or "拾起" or "取" => MissingNoun.Take,
            "放下" or "丢下" or "扔下" => MissingNoun.Drop,
            "查看" or "检查" or "细看" or "看看" => MissingNoun.Examine,
            "给" or "交给" => MissingNoun.Give,
            "去" or "走" => MissingNoun.Go,
            "说话" or "交谈" => MissingNoun.TalkTo,
            _ => (MissingNoun?)null,
        } is { } missing)
        {
            return new PlayerInput.Incomplete(missing);
        }
        if (text is "物品" or "背包" or "清单")
        {
            return new PlayerInput.Ask(new Query.Inventory());
        }
        if (text is "等" or "等待" or "等一等")
        {
            return Turn(new CharacterTurn { Action = Phrasebook.Chinese.WaitAction });
        }
        if (Match(ChineseExamine(), text) is { } examine)
        {
            return new PlayerInput.Ask(new Query.Examine(examine.Groups["what"].Value));
        }
        if (Match(ChineseGive(), text) is { } give)
        {
            var to = give.Groups["to"].Value;
            return Turn(new CharacterTurn { Command = new WorldCommand.Give(give.Groups["what"].Value, to), Targets = [to] });
        }
        if (Match(ChineseGo(), text) is { } go)
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Go(go.Groups["where"].Value) });
        }
        if (Match(ChineseTake(), text) is { } take)
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Take(take.Groups["what"].Value) });
        }
        if (Match(ChineseDrop(), text) is { } drop)
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Drop(drop.Groups["what"].Value) });
        }
        if (Match(ChineseSayTo(), text) is { } sayTo)
        {
            return Turn(new CharacterTurn { Dialogue = sayTo.Groups["line"].Value, Targets = [sayTo.Groups["to"].Value] });
        }
        if (Match(ChineseSay(), text) is { } say)
        {
            return Turn(new CharacterTurn { Dialogue = say.Groups["line"].Value });
        }
        if (Match(ChineseTalk(), text) is { } talk)
        {
            return Turn(new CharacterTurn { Action = text, Targets = [talk.Groups["who"].Value] });
        }
        if (Match(ChineseStory(), text) is { } story)
        {
            return Turn(new CharacterTurn { Story = story.Groups["text"].Value });
        }
        if (Match(ChineseDo(), text) is { } act)
        {
            var action = act.Groups["text"].Value;
            return new PlayerInput.Turn(new CharacterTurn { Action = action }, action);
        }
        return null;
    }

    /// <summary>A bare Chinese direction: 北 东 南 西 (and the diagonals), 上 下, 进 出 (and 里 外).</summary>
    private static Direction? ChineseDirection(string text) => text.TrimStart('往', '向', '去') switch
    {
        "北" or "北方" or "北边" => Direction.North,
        "南" or "南方" or "南边" => Direction.South,
        "东" or "东方" or "东边" => Direction.East,
        "西" or "西方" or "西边" => Direction.West,
        "东北" => Direction.Northeast,
        "西北" => Direction.Northwest,
        "东南" => Direction.Southeast,
        "西南" => Direction.Southwest,
        "上" or "上去" or "上楼" => Direction.Up,
        "下" or "下去" or "下楼" => Direction.Down,
        "进" or "进去" or "里" or "里面" => Direction.In,
        "出" or "出去" or "外" or "外面" => Direction.Out,
        _ => null,
    };

    private PlayerInput Act(string text)
    {
        if (Match(FirstPerson(), text) is { } said)
        {
            text = said.Groups["rest"].Value;
        }
        // "我坐在火边": the Chinese first person, told as the action itself.
        if (text.Length > 1 && text[0] == '我' && !IsSelf(text))
        {
            text = text[1..];
        }
        text = phrases.Imperative(text.TrimEnd('.', '!', '。', '！'));
        return new PlayerInput.Turn(new CharacterTurn { Action = phrases.ThirdPersonAction(text) }, text);
    }

    private static PlayerInput.Turn Turn(CharacterTurn turn) => new(turn);

    private static Match? Match(Regex regex, string text) => regex.Match(text) is { Success: true } m ? m : null;

    [GeneratedRegex(@"^(?:examine|x|inspect|look\s+at|read|search|check)\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishExamine();

    [GeneratedRegex(@"^(?:go|walk|run|head|climb|move|enter)\s+(?:to\s+)?(?<where>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishGo();

    [GeneratedRegex(@"^(?:give|hand|offer|show)\s+(?<what>.+?)\s+to\s+(?<to>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishGive();

    [GeneratedRegex(@"^(?:take|get|grab|pick\s+up)\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishTake();

    [GeneratedRegex(@"^(?:drop|put\s+down|leave)\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDrop();

    [GeneratedRegex(@"^(?:say|tell|shout|whisper)\s+to\s+(?<to>[^:,]+?)\s*[:,]\s*(?<line>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishSayTo();

    [GeneratedRegex(@"^(?:say|shout|whisper)\s+(?<line>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishSay();

    [GeneratedRegex(@"^(?:talk|speak)\s+(?:to|with)\s+(?<who>.+?)(?:\s+about\s+.+)?$|^ask\s+(?<who>.+?)\s+(?:about|for)\s+.+$|^tell\s+(?<who>\S+)\s+about\s+.+$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishTalk();

    [GeneratedRegex(@"^story\s+(?<text>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishStory();

    [GeneratedRegex(@"^do\s+(?<text>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDo();

    [GeneratedRegex(@"^(?:查看|检查|看看|细看|读)\s*(?<what>.+)$")]
    private static partial Regex ChineseExamine();

    [GeneratedRegex(@"^把\s*(?<what>.+?)\s*(?:交给|递给|给)\s*(?<to>.+)$")]
    private static partial Regex ChineseGive();

    [GeneratedRegex(@"^(?:去|走|往|进)\s*(?<where>.+?)\s*(?:走|去)?$")]
    private static partial Regex ChineseGo();

    [GeneratedRegex(@"^(?:拿起|拿|捡起|捡|拾起|拾|取)\s*(?<what>.+)$")]
    private static partial Regex ChineseTake();

    [GeneratedRegex(@"^(?:放下|丢下|扔下)\s*(?<what>.+)$")]
    private static partial Regex ChineseDrop();

    [GeneratedRegex(@"^对\s*(?<to>.+?)\s*说\s*[:：]?\s*(?<line>.+)$")]
    private static partial Regex ChineseSayTo();

    [GeneratedRegex(@"^说\s*[:：]?\s*(?<line>.+)$")]
    private static partial Regex ChineseSay();

    [GeneratedRegex(@"^(?:(?:和|跟|与)\s*(?<who>.+?)\s*(?:说话|交谈|聊聊|谈谈).*|问\s*(?<who>.+?)\s*(?:关于|有关|，).+)$")]
    private static partial Regex ChineseTalk();

    [GeneratedRegex(@"^故事\s*[:：]?\s*(?<text>.+)$")]
    private static partial Regex ChineseStory();

    [GeneratedRegex(@"^做\s*(?<text>.+)$")]
    private static partial Regex ChineseDo();
}
