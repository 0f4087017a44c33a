using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Sources;

/// <summary>
/// Where each part of a loaded world was written: <see cref="SourcePath"/> to file, line and column. Kept
/// beside the definitions rather than in them, so Core records stay plain data and worlds built in code need none.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public static SourceMap Empty { get; } = new();

    public int Count => _positions.Count;

    /// <summary>The position of <paramref name="path"/>, or of the nearest enclosing part that has one.</summary>
    public SourcePosition? Find(SourcePath path)
    {
        SourcePath? current = path;
        while (current is { } p)
        {
            if (_positions.TryGetValue(p.Value, out var position))
            {
                return position;
            }
            current = p.Parent;
        }
        return null;
    }

    public SourcePosition? Find(string path) => Find(new SourcePath(path));

    internal void Add(SourcePath path, SourcePosition position) => _positions.TryAdd(path.Value, position);
}
