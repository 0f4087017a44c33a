using TaleForge.Core.Phrasing;
using TaleForge.Engine.Agents;

namespace TaleForge.Engine.Play.Messages;

internal sealed class EnglishInterfaceText : InterfaceText
{
    public override Phrasebook Phrases => Phrasebook.English;

    public override string Help => """
        Act:      do ACTION (or just type it)    say TEXT  (or "TEXT)    story TEXT (narrate)
        Move:     go EXIT   n s e w ne nw se sw u d in out
        Things:   take ITEM   drop ITEM   give ITEM to PERSON
        People:   talk to PERSON [about TOPIC]   ask PERSON about TOPIC   say to PERSON: TEXT
        Look:     look (l)   examine THING (x)   inventory (i)   wait (z)
        Game:     /undo  /redo  /retry  /save NAME  /load NAME  /help  /quit   Ctrl-C stops a generation, Ctrl-D quits
        """;

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
    public override string UnknownCommand(string command) => $"Unknown command /{command}. Type /help for the list.";
    public override string NotYourTurn => "It is not your turn: the story is over, or you are watching.";

    public override string SavingIsOff => "Saving is off in this game (--no-save).";
    public override string SavedAlready(string save) => $"Every turn is saved already, as '{save}'. To keep this point under a name of its own: /save NAME";
    public override string SavedAs(string copy, string save) => $"Saved as '{copy}'. Play goes on in '{save}'.";
    public override string LoadingIsOff => "Loading is off in this game (--no-save).";
    public override string NameTheSave => "Name the save to load: /load NAME ('taleforge saves' lists them).";
    public override string Loaded(string name, string save) => $"Loaded '{name}'; play continues in '{save}'.";

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
