using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;

namespace TaleForge.Content.Reading;

/// <summary>Reads one file's sections into the world's parts: the spec line first, then whatever sections it holds.</summary>
internal static class FileReader
{
    public static void Read(MappingNode root, SourceFile file, bool isRootFile, ReadContext context, WorldParts parts)
    {
        var m = MappingReader.Open(root, WorldFormat.File, new SourcePath($"file:{file.RelativePath}"), context)!;
        if (!HasSupportedSpec(root, file, context))
        {
            return;
        }

        if (m.Has("include"))
        {
            if (isRootFile)
            {
                var includes = m.Texts("include");
                for (var i = 0; i < includes.Length; i++)
                {
                    parts.Includes.Add((includes[i], context.Map.Find(m.Path.Field("include").Index(i)) ?? m.PositionOf("include")));
                }
            }
            else
            {
                context.Diagnostics.Error(m.PositionOf("include"), DiagnosticCodes.InvalidValue,
                    "'include' is read only in world.yaml", "move the entry to the 'include' list of world.yaml");
            }
        }

        if (m.Value("world") is { } worldNode)
        {
            if (parts.InfoAt is { } first)
            {
                context.Diagnostics.Error(worldNode.Start, DiagnosticCodes.WorldSection,
                    $"a second 'world' section (the first is at {first})", "keep one 'world' section, in world.yaml");
            }
            else
            {
                parts.InfoAt = worldNode.Start;
                parts.Info = WorldInfoReader.Read(worldNode, context);
            }
        }

        Collect(m, "locations", LocationReader.Read, parts.Locations);
        Collect(m, "items", ItemReader.Read, parts.Items);
        Collect(m, "characters", CharacterReader.Read, parts.Characters);
        Collect(m, "scenes", SceneReader.Read, parts.Scenes);
        Collect(m, "lore", LoreReader.Read, parts.Lore);
    }

    private static void Collect<T>(MappingReader m, string section, Func<Node, ReadContext, T?> read, List<T> into)
        where T : class
    {
        foreach (var (node, _) in m.Items(section))
        {
            if (read(node, m.Context) is { } entity)
            {
                into.Add(entity);
            }
        }
    }

    // A file for another version of the format may use the same keys differently, so it is not read further.
    private static bool HasSupportedSpec(MappingNode root, SourceFile file, ReadContext context)
    {
        var spec = root.Find("spec")?.Value;
        if (spec is null)
        {
            return true;
        }
        if (spec is ScalarNode scalar && scalar.Value == WorldFormat.Spec)
        {
            return true;
        }
        var written = spec is ScalarNode s ? $"'{s.Value}'" : MappingReader.Describe(spec);
        context.Diagnostics.Error(spec.Start, DiagnosticCodes.Spec,
            $"{file.RelativePath} is written for {written}, but this TaleForge reads '{WorldFormat.Spec}'",
            $"write 'spec: {WorldFormat.Spec}' if the file follows this format; the rest of the file is not read");
        return false;
    }
}
