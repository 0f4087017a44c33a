using System.Collections.Immutable;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers.Lorebooks;

/// <summary>
/// A lorebook turned into lore entries, with its own settings (scan depth, token budget, recursion), what the book
/// said about itself (name, description, extensions) and what TaleForge keeps but cannot honour, said once.
/// </summary>
public sealed record LoreImport
{
    public ImmutableArray<LoreEntry> Entries { get; init; } = [];
    public LoreSettings Settings { get; init; } = new();

    /// <summary>The book's name, description and extensions, kept to be written back.</summary>
    public Extensions Book { get; init; } = Extensions.Empty;

    /// <summary>One line per thing kept but not used, or left out, for the importer to print.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];
}
