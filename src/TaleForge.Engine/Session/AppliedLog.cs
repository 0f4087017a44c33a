using System.Collections;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

/// <summary>
/// The session's log, kept as the events were applied (with their states and rendered texts) and read by everyone
/// else as plain entries. Going back a turn drops applied events; going forward again restores the same values, so
/// nothing is folded or rendered twice.
/// </summary>
internal sealed class AppliedLog : IReadOnlyList<LogEntry>
{
    private readonly List<AppliedEvent> _applied = [];

    public int Count => _applied.Count;

    public LogEntry this[int index] => _applied[index].Entry;

    public IReadOnlyList<AppliedEvent> Applied => _applied;

    public void Add(AppliedEvent applied) => _applied.Add(applied);

    public void AddRange(IEnumerable<AppliedEvent> applied) => _applied.AddRange(applied);

    /// <summary>The events after the first <paramref name="length"/>.</summary>
    public List<AppliedEvent> After(int length) => _applied.GetRange(length, _applied.Count - length);

    /// <summary>Keeps only the first <paramref name="length"/> events.</summary>
    public void Truncate(int length) => _applied.RemoveRange(length, _applied.Count - length);

    public IEnumerator<LogEntry> GetEnumerator()
    {
        foreach (var applied in _applied)
        {
            yield return applied.Entry;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
