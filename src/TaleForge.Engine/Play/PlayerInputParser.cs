using System.Text.RegularExpressions;
using TaleForge.Core.Decisions;
using TaleForge.Core.Definitions;
using TaleForge.Core.Phrasing;

namespace TaleForge.Engine.Play;

/// <summary>
/// Reads what the player types. The interactive-fiction verbs (look, examine, inventory, go and the compass,
/// take, drop, give, talk to, ask, wait) and the input modes <c>do</c>, <c>say</c> and <c>story</c> are
/// recognised in English, and their common Chinese forms too; anything else is a free action.
/// Names stay as typed: the rules resolve them against what is in reach.
/// </summary>
public sealed partial class PlayerInputParser(Phrasebook phrases)
{
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
        return ParseEnglish(text) ?? ParseChinese(text) ?? Act(text);
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
            _ => MetaCommand.Unknown,
        };
        return new PlayerInput.Meta(command, command == MetaCommand.Unknown ? parts[0] : parts.ElementAtOrDefault(1) ?? "");
    }

    private PlayerInput? ParseEnglish(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower is "look" or "l")
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
        if (lower is "help" or "quit" or "undo")
        {
            return ParseMeta(lower);
        }
        if (DirectionNames.TryParse(lower, out var direction))
        {
            return Turn(new CharacterTurn { Command = new WorldCommand.Go(direction.Word()) });
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

    private static PlayerInput? ParseChinese(string text)
    {
        if (text is "看" or "环顾" or "观察" or "四处看看")
        {
            return new PlayerInput.Ask(new Query.Look());
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
            return Turn(new CharacterTurn { Action = act.Groups["text"].Value });
        }
        return null;
    }

    private PlayerInput Act(string text) => Turn(new CharacterTurn { Action = phrases.ThirdPersonAction(text) });

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

    [GeneratedRegex(@"^(?:拿起|拿|捡起|捡|取)\s*(?<what>.+)$")]
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
