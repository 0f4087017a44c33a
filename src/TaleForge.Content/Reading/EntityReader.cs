using TaleForge.Content.Format;
using TaleForge.Content.Sources;
using TaleForge.Content.Yaml;

namespace TaleForge.Content.Reading;

/// <summary>
/// The common opening of every top-level entity: open the mapping, read and declare its id, then build it.
/// An entity without a usable id is still read, so the problems inside it are reported, but not kept.
/// </summary>
internal static class EntityReader
{
    public static T? Read<T>(Node node, ReadContext context, ObjectShape shape, string kind, string plural, Func<MappingReader, string, T> build)
        where T : class
    {
        var provisional = SourcePath.Entity(kind, $"?{node.Start.Line}:{node.Start.Column}");
        var m = MappingReader.Open(node, shape, provisional, context);
        if (m is null)
        {
            return null;
        }
        var id = m.Text("id");
        if (id is null)
        {
            build(m, "");
            return null;
        }
        var path = context.Declare(kind, plural, id, m.PositionOf("id"));
        // Reopen under the entity's own path, quietly: the keys were checked once already.
        var named = MappingReader.Reopen(m, path);
        return build(named, id);
    }
}
