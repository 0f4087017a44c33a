using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;
using TaleForge.Core.Definitions;

namespace TaleForge.Content;

/// <summary>
/// What loading a world produced: every problem found, where each part was written, and the world itself
/// when nothing is wrong. <see cref="Draft"/> is the best reading even with errors, for tools that only show
/// a title or a list; never play a draft.
/// </summary>
public sealed class LoadResult
{
    internal LoadResult(string path, WorldDefinition? draft, IReadOnlyList<Diagnostic> diagnostics, SourceMap sourceMap, IReadOnlyList<string> files)
    {
        Path = path;
        Draft = draft;
        Diagnostics = diagnostics;
        SourceMap = sourceMap;
        Files = files;
    }

    /// <summary>The world folder or file, as given.</summary>
    public string Path { get; }

    /// <summary>The world, or null when any error was found.</summary>
    public WorldDefinition? World => HasErrors ? null : Draft;

    public WorldDefinition? Draft { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    public SourceMap SourceMap { get; }

    /// <summary>The files read, in reading order, as diagnostics name them.</summary>
    public IReadOnlyList<string> Files { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    /// <summary>The world, or a <see cref="WorldLoadException"/> listing the errors.</summary>
    public WorldDefinition WorldOrThrow() => World ?? throw new WorldLoadException(Path, Diagnostics);
}
