using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Reading;

internal static class LocationReader
{
    public static LocationDefinition? Read(Node node, ReadContext context) =>
        EntityReader.Read(node, context, WorldFormat.Location, "location", "locations", (m, id) => new LocationDefinition
        {
            Id = id,
            Name = m.Text("name", id),
            Description = m.Text("description", ""),
            Exits = [.. m.Items("exits").Select(e => ReadExit(e.Node, e.Path, context)).OfType<ExitDefinition>()],
            Items = m.Texts("items"),
            Details = [.. m.Items("details").Select(d => ReadDetail(d.Node, d.Path, context)).OfType<DetailDefinition>()],
            Extensions = ExtensionsReader.Read(m),
        });

    private static ExitDefinition? ReadExit(Node node, SourcePath path, ReadContext context)
    {
        var m = MappingReader.Open(node, WorldFormat.Exit, path, context);
        if (m is null)
        {
            return null;
        }
        var direction = m.Text("direction") is { } word && DirectionNames.TryParse(word, out var d) ? d : (Direction?)null;
        var label = m.Text("label");
        if (!m.Has("direction") && !m.Has("label"))
        {
            context.Diagnostics.Error(m.Start, Diagnostics.DiagnosticCodes.MissingField,
                "an exit has neither 'direction' nor 'label'",
                "add 'direction: north' (or another direction), or 'label: the trapdoor' for an exit that is not a direction");
        }
        var to = m.Text("to");
        return to is null ? null : new ExitDefinition
        {
            Direction = direction,
            Label = label,
            To = to,
            Requires = ConditionReader.Read(m, "requires"),
            Blocked = m.Text("blocked"),
            Audible = m.Boolean("audible") ?? false,
            Description = m.Text("description", ""),
        };
    }

    private static DetailDefinition? ReadDetail(Node node, SourcePath path, ReadContext context)
    {
        var m = MappingReader.Open(node, WorldFormat.Detail, path, context);
        return m is not null && m.Text("name") is { } name && m.Text("text") is { } text
            ? new DetailDefinition(name, text) { Aliases = m.Texts("aliases") }
            : null;
    }
}
