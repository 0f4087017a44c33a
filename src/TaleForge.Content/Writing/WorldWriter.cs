using System.Collections.Immutable;
using System.Globalization;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;
using TaleForge.Core;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Writing;

/// <summary>
/// Writes a world in the YAML world format, as one file or as a folder. Loading what it writes gives back an
/// equal world (see <see cref="Comparison.WorldComparison"/>), extensions included, in order.
/// </summary>
public static class WorldWriter
{
    /// <summary>The whole world as one file. <paramref name="schema"/>, when given, goes into a yaml-language-server line.</summary>
    public static string ToYaml(WorldDefinition world, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var root = DefinitionTree.File(world.Info, world.Locations, world.Items, world.Characters, world.Scenes, world.Lore);
        return NodeEmitter.Emit(root, SchemaLine(schema));
    }

    /// <summary>
    /// Writes the world into <paramref name="folder"/>, which must be empty or absent: world.yaml (world, locations,
    /// items), characters/characters.yaml, scenes/scenes.yaml and lore/lore.yaml (a section too large for one file
    /// goes into numbered files: scenes/scenes-01.yaml, scenes/scenes-02.yaml, ...). <paramref name="schemaPath"/>, a
    /// file path or URL of the JSON Schema, is referred to from each file (relative for paths). Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> WriteFolder(WorldDefinition world, string folder, string? schemaPath = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new TaleForgeException($"'{folder}' is not empty; write the world into a new or empty folder so nothing is overwritten.");
        }
        if (File.Exists(folder))
        {
            throw new TaleForgeException($"'{folder}' is a file; give a folder to write the world into.");
        }

        var written = new List<string>();
        foreach (var (relative, root) in Layout(world))
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = NodeEmitter.Emit(root, SchemaLine(Relative(schemaPath, Path.GetDirectoryName(Path.GetFullPath(path))!)));
            File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(path);
        }
        return written;
    }

    /// <summary>
    /// The files <see cref="WriteFolder"/> would write, as text in memory (without schema lines), world.yaml first:
    /// what <see cref="WorldLoader.Load(IReadOnlyList{SourceFile}, SourceLimits?)"/> reads.
    /// </summary>
    public static IReadOnlyList<SourceFile> ToFiles(WorldDefinition world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return [.. Layout(world).Select(f => new SourceFile(f.Relative, f.Relative, NodeEmitter.Emit(f.Root, null)))];
    }

    private static List<(string Relative, MappingNode Root)> Layout(WorldDefinition world) =>
    [
        (WorldFolder.RootFileName, DefinitionTree.File(world.Info, world.Locations, world.Items, [], [], [])),
        .. Section("characters", world.Characters, c => DefinitionTree.File(null, [], [], c, [], [])),
        .. Section("scenes", world.Scenes, s => DefinitionTree.File(null, [], [], [], s, [])),
        .. Section("lore", world.Lore, l => DefinitionTree.File(null, [], [], [], [], l)),
    ];

    /// <summary>
    /// One file for a section (characters/characters.yaml), or numbered files read back in name order
    /// (scenes/scenes-01.yaml, ...) when one would pass the loader's per-file limit: a large imported work would
    /// otherwise be written as a world that cannot be loaded.
    /// </summary>
    private static List<(string Relative, MappingNode Root)> Section<T>(string name, ImmutableArray<T> entities, Func<ImmutableArray<T>, MappingNode> file)
    {
        if (entities.IsEmpty)
        {
            return [];
        }
        var whole = file(entities);
        if (Bytes(whole) <= FileBudget)
        {
            return [($"{name}/{name}.yaml", whole)];
        }

        var groups = new List<ImmutableArray<T>>();
        var group = ImmutableArray.CreateBuilder<T>();
        long size = 0;
        foreach (var entity in entities)
        {
            // A file of one entity measures it, with a header that makes the sum err on the safe side.
            var entitySize = Bytes(file([entity]));
            if (group.Count > 0 && size + entitySize > FileBudget)
            {
                groups.Add(group.ToImmutable());
                group.Clear();
                size = 0;
            }
            group.Add(entity);
            size += entitySize;
        }
        groups.Add(group.ToImmutable());
        var digits = groups.Count.ToString(CultureInfo.InvariantCulture).Length;
        return [.. groups.Select((g, i) => ($"{name}/{name}-{(i + 1).ToString($"D{digits}", CultureInfo.InvariantCulture)}.yaml", file(g)))];
    }

    // Room under the loader's limit for the schema line, which is added when the file is written.
    private static long FileBudget => SourceLimits.Default.MaxFileBytes - 4096;

    private static long Bytes(MappingNode root) => System.Text.Encoding.UTF8.GetByteCount(NodeEmitter.Emit(root, null));

    private static string? SchemaLine(string? schema) => schema is null ? null : $"yaml-language-server: $schema={schema}";

    private static string? Relative(string? schema, string fromFolder) =>
        schema is null || schema.Contains("://", StringComparison.Ordinal)
            ? schema
            : Path.GetRelativePath(fromFolder, Path.GetFullPath(schema)).Replace('\\', '/');
}
