namespace TaleForge.Content.Importers.Cards;

/// <summary>
/// Sizes past which a card file is refused before it is read, so a hostile file cannot exhaust memory: real cards
/// are kilobytes of JSON in an image of a few megabytes.
/// </summary>
public static class CardLimits
{
    /// <summary>A card file (JSON or PNG), and a CHARX's card.json once inflated.</summary>
    public const long MaxCardBytes = 20L * 1024 * 1024;

    /// <summary>A CHARX archive, assets included.</summary>
    public const long MaxArchiveBytes = 200L * 1024 * 1024;

    /// <summary>Entries in a CHARX archive.</summary>
    public const int MaxArchiveEntries = 10_000;

    /// <summary>What all entries of a CHARX may inflate to together, as they declare it.</summary>
    public const long MaxArchiveInflatedBytes = 1024L * 1024 * 1024;

    /// <summary>Past this ratio of inflated to compressed size an entry is a zip bomb, not an asset.</summary>
    public const int MaxCompressionRatio = 200;
}
