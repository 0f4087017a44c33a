namespace TaleForge.Cli.Play;

/// <summary>What /help prints.</summary>
public static class HelpText
{
    public const string Commands = """
        Act:      do ACTION (or just type it)    say TEXT  (or "TEXT)    story TEXT (narrate)
        Move:     go EXIT   n s e w ne nw se sw u d in out
        Things:   take ITEM   drop ITEM   give ITEM to PERSON
        People:   talk to PERSON [about TOPIC]   ask PERSON about TOPIC   say to PERSON: TEXT
        Look:     look (l)   examine THING (x)   inventory (i)   wait (z)
        Game:     /undo  /redo  /retry  /save NAME  /load NAME  /help  /quit   Ctrl-C stops a generation, Ctrl-D quits
        """;
}
