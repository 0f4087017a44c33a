using System.Collections.Immutable;
using System.Text;
using TaleForge.Content.Writing;
using TaleForge.Core;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Importers;

/// <summary>
/// Writes an import so that a failure leaves nothing behind: everything goes to a staging folder beside the
/// target, is loaded back and checked there as <c>validate</c> would, and only a world without errors is moved into place.
/// </summary>
public static class WorldStaging
{
    /// <summary>What was written (empty when the check failed) and the check's result.</summary>
    public sealed record Outcome(ImmutableArray<string> Written, LoadResult Check);

    /// <summary>A whole new world into <paramref name="folder"/>, which must not exist yet or be empty.</summary>
    public static Outcome WriteNew(WorldDefinition world, string folder)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var target = Path.GetFullPath(folder);
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            throw new TaleForgeException($"'{folder}' exists and is not a world (it has no world.yaml); name a new folder or an existing world");
        }
        var staging = StagingFolder(target);
        try
        {
            WorldWriter.WriteFolder(world, staging);
            var check = WorldLoader.Load(staging);
            if (check.HasErrors)
            {
                return new Outcome([], check);
            }
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
            return new Outcome([.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)], WorldLoader.Load(folder));
        }
        finally
        {
            Remove(staging);
        }
    }

    /// <summary>
    /// New files of the world sections <paramref name="parts"/> (path relative to the world folder → its sections)
    /// added to the existing world in <paramref name="folder"/>; no existing file is changed.
    /// </summary>
    public static Outcome AddFiles(string folder, IReadOnlyList<(string Relative, WorldPart Part)> parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(parts);
        var target = Path.GetFullPath(folder);
        var staging = StagingFolder(target);
        try
        {
            Copy(target, staging);
            var texts = parts.Select(p => (p.Relative, Text: Emit(p.Part))).ToList();
            foreach (var (relative, text) in texts)
            {
                if (File.Exists(Path.Combine(target, relative)))
                {
                    throw new TaleForgeException($"'{Path.Combine(folder, relative)}' already exists; nothing was imported, so nothing is overwritten");
                }
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
            var check = WorldLoader.Load(staging);
            if (check.HasErrors)
            {
                return new Outcome([], check);
            }
            var written = ImmutableArray.CreateBuilder<string>();
            foreach (var (relative, _) in texts)
            {
                var destination = Path.Combine(folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
                File.Move(Path.Combine(staging, relative), destination);
                written.Add(destination);
            }
            return new Outcome(written.ToImmutable(), WorldLoader.Load(folder));
        }
        finally
        {
            Remove(staging);
        }
    }

    /// <summary>Sections of a world file that an import adds.</summary>
    public sealed record WorldPart
    {
        public ImmutableArray<LocationDefinition> Locations { get; init; } = [];
        public ImmutableArray<CharacterDefinition> Characters { get; init; } = [];
        public ImmutableArray<SceneDefinition> Scenes { get; init; } = [];
        public ImmutableArray<LoreEntry> Lore { get; init; } = [];
    }

    private static string Emit(WorldPart part) =>
        NodeEmitter.Emit(DefinitionTree.File(null, part.Locations, [], part.Characters, part.Scenes, part.Lore), null);

    private static string StagingFolder(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.import-{Guid.NewGuid():N}");

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            if (new DirectoryInfo(folder).LinkTarget is null)
            {
                Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
            }
        }
    }

    private static void Remove(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
