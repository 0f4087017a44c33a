namespace TaleForge.Content.Sources;

/// <summary>
/// Bounds on what a world may make the loader do, so a hostile or broken world is rejected quickly instead of
/// exhausting memory or time. The defaults are far above what a hand-written world needs.
/// </summary>
public sealed record SourceLimits
{
    public static SourceLimits Default { get; } = new();

    /// <summary>Largest file read: 1 MiB. A world's prose rarely passes 100 KiB per file.</summary>
    public long MaxFileBytes { get; init; } = 1 << 20;

    /// <summary>Largest world, all files together: 16 MiB.</summary>
    public long MaxTotalBytes { get; init; } = 16 << 20;

    /// <summary>Most YAML files in one world.</summary>
    public int MaxFiles { get; init; } = 256;

    /// <summary>Deepest nesting of lists and mappings; the format itself needs about 15.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// Longest a single file may take to read: 5 s, checked between reads. Files on a local disk take
    /// microseconds; this stops a world on a stalled network share from holding the game up for ever.
    /// </summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most problems reported for one world.</summary>
    public int MaxDiagnostics { get; init; } = 500;
}
