using TaleForge.Content.Diagnostics;
using TaleForge.Content.Format;
using TaleForge.Content.Reading;
using TaleForge.Content.Sources;
using TaleForge.Core.Definitions;

namespace TaleForge.Content.Lint;

/// <summary>What every lint rule needs: the world, its ids by kind, positions, and where to report.</summary>
internal sealed class LintContext
{
    private readonly SourceMap _map;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _fallbackFile;

    public LintContext(WorldDefinition world, SourceMap map, DiagnosticBag diagnostics)
    {
        World = world;
        _map = map;
        _diagnostics = diagnostics;
        _fallbackFile = $"world '{world.Info.Id}'";
        Ids = new Dictionary<string, HashSet<string>>
        {
            ["location"] = [.. world.Locations.Select(l => l.Id)],
            ["item"] = [.. world.Items.Select(i => i.Id)],
            ["character"] = [.. world.Characters.Select(c => c.Id)],
            ["scene"] = [.. world.Scenes.Select(s => s.Id)],
        };
    }

    public WorldDefinition World { get; }
    public IReadOnlyDictionary<string, HashSet<string>> Ids { get; }

    /// <summary>Each entity with the path the reader gave it: <c>kind:id</c>, or <c>kind:id#2</c> for a repeated id.</summary>
    public static IEnumerable<(T Entity, SourcePath Path)> WithPaths<T>(IEnumerable<T> entities, string kind, Func<T, string> id)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            var key = id(entity);
            seen[key] = seen.GetValueOrDefault(key) + 1;
            yield return (entity, SourcePath.Entity(kind, key, seen[key]));
        }
    }

    public SourcePosition At(SourcePath path) => _map.Find(path) ?? SourcePosition.Whole(_fallbackFile);

    public void Error(SourcePath path, string code, string message, string hint) => _diagnostics.Error(At(path), code, message, hint);
    public void Warning(SourcePath path, string code, string message, string hint) => _diagnostics.Warning(At(path), code, message, hint);

    /// <summary>
    /// Reports a reference to an id that no entity of <paramref name="kind"/> has. Empty ids were reported as
    /// missing when read, so they are skipped here.
    /// </summary>
    public void Reference(SourcePath path, string kind, string id, string subject)
    {
        if (id.Length == 0 || Ids[kind].Contains(id))
        {
            return;
        }
        Error(path, DiagnosticCodes.DanglingReference,
            $"{subject} '{id}', but there is no {kind} with that id",
            Suggestion.Hint(id, Ids[kind], $"define {Noun.WithArticle(kind)} with the id '{id}', or correct the id{Known(kind)}"));
    }

    private string Known(string kind)
    {
        var ids = Ids[kind].Order(StringComparer.Ordinal).Take(8).ToList();
        return ids.Count == 0 ? $" (the world has no {kind}s yet)" : $" (known: {string.Join(", ", ids)}{(Ids[kind].Count > 8 ? ", ..." : "")})";
    }
}
