using TaleForge.Content.Format;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

internal static class ItemReader
{
    public static ItemDefinition? Read(Node node, ReadContext context) =>
        EntityReader.Read(node, context, WorldFormat.Item, "item", "items", (m, id) => new ItemDefinition
        {
            Id = id,
            Name = m.Text("name", id),
            Aliases = m.Texts("aliases"),
            Description = m.Text("description", ""),
            Portable = m.Boolean("portable") ?? true,
            Properties = m.Properties("properties"),
            Extensions = ExtensionsReader.Read(m),
        });
}
