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
    /// items), characters/characters.yaml, scenes/scenes.yaml and lore/lore.yaml. <paramref name="schemaPath"/>, a
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

        var files = new List<(string Relative, MappingNode Root)>
        {
            (WorldFolder.RootFileName, DefinitionTree.File(world.Info, world.Locations, world.Items, [], [], [])),
        };
        if (!world.Characters.IsEmpty)
        {
            files.Add(("characters/characters.yaml", DefinitionTree.File(null, [], [], world.Characters, [], [])));
        }
        if (!world.Scenes.IsEmpty)
        {
            files.Add(("scenes/scenes.yaml", DefinitionTree.File(null, [], [], [], world.Scenes, [])));
        }
        if (!world.Lore.IsEmpty)
        {
            files.Add(("lore/lore.yaml", DefinitionTree.File(null, [], [], [], [], world.Lore)));
        }

        var written = new List<string>();
        foreach (var (relative, root) in files)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = NodeEmitter.Emit(root, SchemaLine(Relative(schemaPath, Path.GetDirectoryName(Path.GetFullPath(path))!)));
            File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(path);
        }
        return written;
    }

    private static string? SchemaLine(string? schema) => schema is null ? null : $"yaml-language-server: $schema={schema}";

    private static string? Relative(string? schema, string fromFolder) =>
        schema is null || schema.Contains("://", StringComparison.Ordinal)
            ? schema
            : Path.GetRelativePath(fromFolder, Path.GetFullPath(schema)).Replace('\\', '/');
}
