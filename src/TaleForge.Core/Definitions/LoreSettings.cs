namespace TaleForge.Core.Definitions;

/// <summary>How the world's lore is chosen for prompts: how far back keys are looked for, how much may go in, and how deep entries may activate each other.</summary>
public sealed record LoreSettings
{
    /// <summary>Recent observations scanned for keys.</summary>
    public int ScanDepth { get; init; } = 8;

    /// <summary>Estimated tokens of lore in one prompt; 0: no limit. Lower-priority entries are left out first.</summary>
    public int TokenBudget { get; init; }

    /// <summary>How many times the text of included entries is scanned again for further keys; 0: never.</summary>
    public int RecursionDepth { get; init; }
}
