namespace TaleForge.Core.Decisions;

/// <summary>A question a player asks of the world that costs no turn and changes nothing.</summary>
public abstract record Query
{
    private Query() { }

    public sealed record Look : Query;
    public sealed record Examine(string Target) : Query;
    public sealed record Inventory : Query;
}
