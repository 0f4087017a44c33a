using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;

namespace TaleForge.Engine.Play.Messages;

internal sealed class EnglishInterfaceText : InterfaceText
{
    public override Phrasebook Phrases => Phrasebook.English;

    public override string Commands => """
        Act:      do ACTION (or just type it)    say TEXT  (or "TEXT)    story TEXT (narrate)
        Move:     go EXIT   n s e w ne nw se sw u d in out
        Things:   take ITEM   drop ITEM   give ITEM to PERSON   take all   drop all
        People:   talk to PERSON [about TOPIC]   ask PERSON about TOPIC   say to PERSON: TEXT
        Look:     look (l)   examine THING (x)   x me   inventory (i)   wait (z)   again (g)
        Places:   verbose (describe every arrival in full)   brief (in full the first time only)
        Game:     undo  redo  /retry  save  /save NAME  load NAME  restart  /timing  help  quit
        """;

    protected override string LineKeys => "Ctrl-C stops a generation, Ctrl-D quits";

    protected override string HelpIndent => "          ";

    public override string YouAre(string character) => $"You are {character}. Type /help for commands.";

    protected override string PlayedBy(IEnumerable<(string Role, string Model)> roles) =>
        "Models: " + string.Join("; ", roles.Select(r => $"{r.Role} on {r.Model}")) + ".";

    protected override string RoleName(Role role, Func<string, string> name) => role.Kind switch
    {
        RoleKind.Characters => "the characters",
        RoleKind.Narrator => "the narrator",
        RoleKind.Director => "the director",
        RoleKind.Character or RoleKind.Player => name(role.CharacterId!),
        _ => role.ToString(),
    };
    public override string SavingEveryTurn(string save, string folder) => $"Saving every turn as '{save}' in {folder}.";

    public override string Goodbye(string? save) => save is null ? "Goodbye." : $"Goodbye. The game is saved as '{save}'.";
    public override string EndOfInput(string? save) => save is null ? "(end of input)" : $"(end of input; the game is saved as '{save}')";

    public override string Undone => "Undone: back to your previous turn.";
    public override string NothingToUndo => "There is no earlier turn to go back to.";
    public override string Redone => "Redone.";
    public override string NothingToRedo => "There is nothing to redo.";
    public override string NothingToRetry => "There is no turn to retry yet.";
    public override string Retrying => "Trying your last turn again.";
    public override string Stopped => "Stopped. Back at your turn; nothing of the interrupted turn was kept.";
    public override string StoppedBeforeYourTurn => "Stopped before your turn. Press Enter, or type a command, and the story goes on.";
    public override string UnknownCommand(string command) => $"Unknown command /{command}. Type /help for the list.";
    public override string NotYourTurn => "It is not your turn: the story is over, or you are watching.";

    public override string SavingIsOff => "Saving is off in this game (--no-save).";
    public override string SavedAlready(string save) => $"Every turn is saved already, as '{save}'. To keep this point under a name of its own: /save NAME";
    public override string SavedAs(string copy, string save) => $"Saved as '{copy}'. Play goes on in '{save}'.";
    public override string LoadingIsOff => "Loading is off in this game (--no-save).";
    public override string NameTheSave => "Name the save to load: /load NAME ('taleforge saves' lists them).";
    public override string Loaded(string name, string save) => $"Loaded '{name}'; play continues in '{save}'.";
    public override string BranchTaken => "Play goes on from the way the last turn went that you picked; the other ways stay in the record.";
    public override string BranchUnfinished => "That way was stopped before it came back to your turn, so play cannot go on from it.";

    public override string WhatTo(MissingNoun verb) => verb switch
    {
        MissingNoun.Take => "Take what?",
        MissingNoun.Drop => "Drop what?",
        MissingNoun.Examine => "Examine what?",
        MissingNoun.Give => "Give what?",
        MissingNoun.Go => "Go where?",
        _ => "Talk to whom?",
    };

    public override string WhichDoYouMean(IReadOnlyList<string> names) =>
        $"Which do you mean: {(names.Count < 2 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}")}?";

    public override string DidYouMean(string typed, string suggestion) =>
        $"I don't know the word \u201c{typed}\u201d. Did you mean \u201c{suggestion}\u201d? (yes, or no to do it as typed)";

    public override string DidYouMeanName(string name) => $"Did you mean {name}?";
    public override string NothingToTake => "There is nothing here you can take.";
    public override string NothingToDrop => "You are carrying nothing.";
    public override string NothingToRepeat => "There is no command to repeat yet.";
    public override string VerboseOn => "Places are now described in full every time you arrive.";
    public override string BriefOn => "Places are now described in full only the first time you arrive.";
    public override string TimingOn => "Each turn's time and speed will be shown.";
    public override string TimingOff => "Turn times are hidden.";
    public override string Thinking(string character) => $"{character} is thinking\u2026";

    public override string CtrlCAgainLeaves => "(Ctrl-C again leaves the game; every turn is already saved. Or type 'quit'.)";

    public override string ModelCallFailed(string who, string failure, bool overflow) => overflow
        ? $"({who}'s model could not answer: the prompt does not fit its context ({failure}). The story goes on without that reply; "
          + "to avoid this, play with a larger --ctx-size, or a model trained for a longer context.)"
        : $"({who}'s model gave no usable reply ({failure}); the story goes on without it.)";

    public override string TurnTook(TurnTiming timing) => timing.Tokens == 0
        ? $"(turn: {timing.Seconds:0.0} s, no model calls)"
        : $"(turn: {timing.Seconds:0.0} s, {timing.Calls} model calls, {timing.Tokens} tokens, {timing.TokensPerSecond:0.0} tokens/s)";

    public override string TheEnd => "*** The End ***";
    public override string ScenePlayed(string title, string outcome) => outcome switch
    {
        "" => $"\u2022 {title}",
        "goal" => $"\u2022 {title}: its goal was reached.",
        "rounds" => $"\u2022 {title}: its rounds ran out.",
        _ => $"\u2022 {title}: {outcome}.",
    };
    public override string TurnsPlayed(int turns) => turns == 1 ? "You played 1 turn." : $"You played {turns} turns.";
    public override string AfterTheEnd => "The story is over. Type undo to take back your last turn, restart to begin again, load NAME to open a save, or quit.";
    public override string Restarted => "Back to the beginning. What came before stays in the record as a branch.";

    public override string Look => "look";
    public override string Inventory => "inventory";
    public override string Wait => "wait";
    public override string Go(string exit) => $"go {exit}";
    public override string Take(string item) => $"take {item}";
    public override string Drop(string item) => $"drop {item}";
    public override string Give(string item, string person) => $"give {item} to {person}";
    public override string TalkTo(string person) => $"talk to {person}";
    public override string Examine(string thing) => $"examine {thing}";
}
