using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Play.Messages;

/// <summary>
/// What the game says to its player about the game itself (help, undo, saves, interruptions), and the command words
/// offered for completion, in the world's language: a world written in Chinese talks to its player in Chinese from
/// the opening line on. The story's own sentences are the <see cref="Phrasebook"/>'s.
/// </summary>
public abstract class InterfaceText
{
    public static InterfaceText English { get; } = new EnglishInterfaceText();
    public static InterfaceText Chinese { get; } = new ChineseInterfaceText();

    /// <summary>The catalogue for a world's <c>info.language</c>, chosen as its phrasebook is.</summary>
    public static InterfaceText For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return ReferenceEquals(Phrasebook.For(language), Phrasebook.Chinese) ? Chinese : English;
    }

    /// <summary>The phrasebook of the same language, for the lines the rules already speak (the authored-mode notice).</summary>
    public abstract Phrasebook Phrases { get; }

    public string AuthoredMode => Phrases.AuthoredMode;

    /// <summary>Help as line mode prints it: the commands, then line mode's keys.</summary>
    public string Help => $"{Commands}\n{HelpIndent}{LineKeys}";

    /// <summary>The commands the player can type, a kind a row; every view's help shows them, each with its own keys.</summary>
    public abstract string Commands { get; }

    /// <summary>How line mode stops a generation and quits.</summary>
    protected abstract string LineKeys { get; }

    /// <summary>The indent of the help's rows under their headings, for a row of keys that follows them.</summary>
    protected abstract string HelpIndent { get; }

    public abstract string YouAre(string character);

    /// <summary>The opening line of a game that models play: which model plays which role, by file and backend.</summary>
    /// <param name="name">A character's display name from its id, for a role that one character's model plays.</param>
    public string PlayedBy(IReadOnlyList<ModelReference> models, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(name);
        return PlayedBy(models.Select(m => (RoleName(m.Role, name), m.Backend.Length == 0 ? m.File : $"{m.File} ({m.Backend})")));
    }

    protected abstract string PlayedBy(IEnumerable<(string Role, string Model)> roles);

    protected abstract string RoleName(Role role, Func<string, string> name);
    public abstract string SavingEveryTurn(string save, string folder);

    public abstract string Goodbye(string? save);
    public abstract string EndOfInput(string? save);

    public abstract string Undone { get; }
    public abstract string NothingToUndo { get; }
    public abstract string Redone { get; }
    public abstract string NothingToRedo { get; }
    public abstract string NothingToRetry { get; }
    public abstract string Retrying { get; }
    public abstract string Stopped { get; }

    /// <summary>A generation stopped before the story reached the player's turn: Enter or a command lets it go on.</summary>
    public abstract string StoppedBeforeYourTurn { get; }

    public abstract string UnknownCommand(string command);
    public abstract string NotYourTurn { get; }

    public abstract string SavingIsOff { get; }
    public abstract string SavedAlready(string save);
    public abstract string SavedAs(string copy, string save);
    public abstract string LoadingIsOff { get; }
    public abstract string NameTheSave { get; }
    public abstract string Loaded(string name, string save);

    /// <summary>Play went over to another way the last turn went (browsed in the full-screen game).</summary>
    public abstract string BranchTaken { get; }

    /// <summary>That way cannot be continued: it was stopped before play came back to the player.</summary>
    public abstract string BranchUnfinished { get; }

    // A parser that respects the player: questions and refusals that cost no turn.
    public abstract string WhatTo(MissingNoun verb);
    public abstract string WhichDoYouMean(IReadOnlyList<string> names);
    public abstract string DidYouMean(string typed, string suggestion);
    public abstract string DidYouMeanName(string name);
    public abstract string NothingToTake { get; }
    public abstract string NothingToDrop { get; }
    public abstract string NothingToRepeat { get; }
    public abstract string VerboseOn { get; }
    public abstract string BriefOn { get; }
    public abstract string TimingOn { get; }
    public abstract string TimingOff { get; }
    public abstract string Thinking(string character);

    /// <summary>Ctrl-C at an idle prompt: a second one leaves, and nothing is lost.</summary>
    public abstract string CtrlCAgainLeaves { get; }

    /// <summary>A model call with no usable reply, told in play; <paramref name="overflow"/>: its prompt did not fit the context.</summary>
    public abstract string ModelCallFailed(string who, string failure, bool overflow);
    public abstract string TurnTook(TurnTiming timing);

    /// <summary>Words that accept a "did you mean" suggestion.</summary>
    public static bool IsYes(string answer) =>
        answer.Trim().TrimEnd('.', '!', '。', '！').ToLowerInvariant() is "y" or "yes" or "yeah" or "ok" or "是" or "是的" or "对" or "好";

    /// <summary>Words that turn a suggestion down and keep what was typed.</summary>
    public static bool IsNo(string answer) =>
        answer.Trim().TrimEnd('.', '!', '。', '！').ToLowerInvariant() is "n" or "no" or "nope" or "不" or "不是" or "否";

    // The ending screen.
    public abstract string TheEnd { get; }
    public abstract string ScenePlayed(string title, string outcome);
    public abstract string TurnsPlayed(int turns);
    public abstract string AfterTheEnd { get; }
    public abstract string Restarted { get; }

    // The commands a player types, as completion offers them; the parser reads each of them back.
    public abstract string Look { get; }
    public abstract string Inventory { get; }
    public abstract string Wait { get; }
    public abstract string Go(string exit);
    public abstract string Take(string item);
    public abstract string Drop(string item);
    public abstract string Give(string item, string person);
    public abstract string TalkTo(string person);
    public abstract string Examine(string thing);

    /// <summary>The game's own commands, the same in every language.</summary>
    public static IReadOnlyList<string> MetaCommands { get; } =
        ["/help", "/undo", "/redo", "/retry", "/save", "/load", "/restart", "/verbose", "/brief", "/timing", "/quit"];
}
