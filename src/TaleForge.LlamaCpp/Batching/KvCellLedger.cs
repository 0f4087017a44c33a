namespace TaleForge.LlamaCpp.Batching;

/// <summary>
/// Counts the cells of the unified KV cache in use, the way llama.cpp frees them: a cell stays used while any
/// sequence still refers to it, and a prefix copied between sequences shares its cells. Lets the scheduler check
/// free room in C# before each <c>llama_decode</c> instead of finding out from a failure.
/// </summary>
internal sealed class KvCellLedger
{
    private readonly List<Segment>[] _segments;
    private int _used = -1;

    public KvCellLedger(int sequences)
    {
        _segments = new List<Segment>[sequences];
        for (var i = 0; i < sequences; i++)
        {
            _segments[i] = [];
        }
    }

    /// <summary>Cells referred to by at least one sequence.</summary>
    public int UsedCells => _used >= 0 ? _used : _used = _segments.SelectMany(s => s)
        .GroupBy(s => s.Block)
        .Sum(group => UnionLength(group.Select(s => (s.From, s.To))));

    /// <summary>Records that <paramref name="sequence"/> wrote positions [from, from + count).</summary>
    public void Append(int sequence, int from, int count)
    {
        _used = -1;
        if (count <= 0)
        {
            return;
        }
        var list = _segments[sequence];
        if (list.Count > 0 && list[^1] is { } last && last.Block.Owner == sequence && last.To == from && last.Block.End == from)
        {
            last.Block.End = from + count;
            list[^1] = last with { To = from + count };
            return;
        }
        list.Add(new Segment(new Block(sequence, from + count), from, from + count));
    }

    /// <summary>Keeps only positions below <paramref name="length"/> of <paramref name="sequence"/>.</summary>
    public void Truncate(int sequence, int length)
    {
        _used = -1;
        var list = _segments[sequence];
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].From >= length)
            {
                list.RemoveAt(i);
            }
            else if (list[i].To > length)
            {
                list[i] = list[i] with { To = length };
            }
        }
    }

    /// <summary>Makes <paramref name="destination"/> share the cells of the first <paramref name="length"/> positions of <paramref name="source"/>.</summary>
    public void CopyPrefix(int source, int destination, int length)
    {
        _used = -1;
        _segments[destination].Clear();
        foreach (var segment in _segments[source])
        {
            if (segment.From < length)
            {
                _segments[destination].Add(segment with { To = Math.Min(segment.To, length) });
            }
        }
    }

    public void Clear(int sequence)
    {
        _used = -1;
        _segments[sequence].Clear();
    }

    public void ClearAll()
    {
        _used = -1;
        foreach (var list in _segments)
        {
            list.Clear();
        }
    }

    private static int UnionLength(IEnumerable<(int From, int To)> ranges)
    {
        var total = 0;
        var end = int.MinValue;
        foreach (var (from, to) in ranges.OrderBy(r => r.From))
        {
            var start = Math.Max(from, end);
            if (to > start)
            {
                total += to - start;
            }
            end = Math.Max(end, to);
        }
        return total;
    }

    /// <summary>Cells written together by one sequence; <see cref="End"/> grows while that sequence keeps appending.</summary>
    private sealed class Block(int owner, int end)
    {
        public int Owner { get; } = owner;
        public int End { get; set; } = end;
    }

    private readonly record struct Segment(Block Block, int From, int To);
}
