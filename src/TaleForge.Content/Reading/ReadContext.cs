using TaleForge.Content.Diagnostics;
using TaleForge.Content.Sources;

namespace TaleForge.Content.Reading;

/// <summary>What every reader of one world shares: where problems go, where positions go, and which ids were seen.</summary>
internal sealed class ReadContext(DiagnosticBag diagnostics, SourceMap map)
{
    private readonly Dictionary<(string Kind, string Id), (int Count, SourcePosition First)> _declared = [];

    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public SourceMap Map { get; } = map;

    /// <summary>
    /// Records an entity's id and returns its path; a second entity of the same kind and id is reported here,
    /// where both positions are known, and gets a path of its own (<c>kind:id#2</c>).
    /// </summary>
    public SourcePath Declare(string kind, string plural, string id, SourcePosition at)
    {
        if (_declared.TryGetValue((kind, id), out var seen))
        {
            _declared[(kind, id)] = (seen.Count + 1, seen.First);
            Diagnostics.Error(at, DiagnosticCodes.DuplicateId,
                $"there are two {plural} with the id '{id}' (the first is at {seen.First})",
                $"rename one of them; ids must be unique among {plural}");
            return SourcePath.Entity(kind, id, seen.Count + 1);
        }
        _declared[(kind, id)] = (1, at);
        return SourcePath.Entity(kind, id);
    }
}
