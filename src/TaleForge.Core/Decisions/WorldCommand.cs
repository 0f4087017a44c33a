using TaleForge.Core.Definitions;

namespace TaleForge.Core.Decisions;

/// <summary>
/// A physical change a character attempts, by ids. Player text, model output and authored acts all become one
/// of these, and all go through the same <c>Rulebook</c>: NPCs obey the rules the player does.
/// </summary>
public abstract record WorldCommand
{
    private WorldCommand() { }

    /// <summary>Leave by an exit named by direction, label, or destination id.</summary>
    public sealed record Go(string Exit) : WorldCommand;

    public sealed record Take(string Item) : WorldCommand;
    public sealed record Drop(string Item) : WorldCommand;
    public sealed record Give(string Item, string To) : WorldCommand;

    public static WorldCommand From(AuthoredAct act)
    {
        ArgumentNullException.ThrowIfNull(act);
        return act switch
        {
            AuthoredAct.Go g => new Go(g.Location),
            AuthoredAct.Take t => new Take(t.Item),
            AuthoredAct.Drop d => new Drop(d.Item),
            AuthoredAct.Give g => new Give(g.Item, g.To),
            _ => throw new ArgumentOutOfRangeException(nameof(act), act, "An authored act with no command."),
        };
    }
}
