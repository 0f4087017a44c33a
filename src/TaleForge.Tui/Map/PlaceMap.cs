using TaleForge.Core.Definitions;

namespace TaleForge.Tui.Map;

/// <summary>
/// A map of the places visited, laid out from the directions of the exits between them: east of a place is one
/// cell right, north one cell up. Up, down, in and out have no compass place, so they go to a free cell beside,
/// and the exit is written on the map. A place that would land on another moves on in the same direction.
/// </summary>
public static class PlaceMap
{
    private const int CellWidth = 18;
    private const int CellHeight = 2;

    /// <summary>Grid cells of the visited places, reached from the first by exits between visited places.</summary>
    public static IReadOnlyDictionary<string, (int X, int Y)> Layout(WorldDefinition world, IReadOnlyList<string> visited)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(visited);
        var cells = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        var taken = new HashSet<(int, int)>();
        var known = visited.ToHashSet(StringComparer.Ordinal);
        foreach (var start in visited)
        {
            if (cells.ContainsKey(start))
            {
                continue;
            }
            // A place not reachable from those laid out starts a new row below them.
            var origin = (0, taken.Count == 0 ? 0 : taken.Max(c => c.Item2) + 2);
            Place(start, origin);
            var queue = new Queue<string>([start]);
            while (queue.TryDequeue(out var id))
            {
                foreach (var exit in world.Location(id).Exits.Where(e => known.Contains(e.To) && !cells.ContainsKey(e.To)))
                {
                    var (dx, dy) = Step(exit.Direction);
                    var (x, y) = cells[id];
                    do
                    {
                        x += dx;
                        y += dy;
                    }
                    while (taken.Contains((x, y)));
                    Place(exit.To, (x, y));
                    queue.Enqueue(exit.To);
                }
            }
        }
        return cells;

        void Place(string id, (int X, int Y) cell)
        {
            cells[id] = cell;
            taken.Add(cell);
        }
    }

    /// <summary>The map as rows of text; <paramref name="here"/> is drawn in brackets.</summary>
    public static IReadOnlyList<string> Draw(WorldDefinition world, IReadOnlyList<string> visited, string here)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(here);
        var cells = Layout(world, visited);
        if (cells.Count == 0)
        {
            return [];
        }
        var minX = cells.Values.Min(c => c.X);
        var minY = cells.Values.Min(c => c.Y);
        var width = (cells.Values.Max(c => c.X) - minX + 1) * CellWidth;
        var height = (cells.Values.Max(c => c.Y) - minY) * CellHeight + 1;
        var canvas = Enumerable.Range(0, height).Select(_ => new char[width]).ToArray();
        foreach (var row in canvas)
        {
            Array.Fill(row, ' ');
        }
        (int Column, int Row) At((int X, int Y) cell) => ((cell.X - minX) * CellWidth, (cell.Y - minY) * CellHeight);

        foreach (var (id, cell) in cells)
        {
            var (column, row) = At(cell);
            foreach (var exit in world.Location(id).Exits.Where(e => cells.ContainsKey(e.To)))
            {
                var (toColumn, toRow) = At(cells[exit.To]);
                if (toRow == row && toColumn > column)
                {
                    for (var c = column + CellWidth - 3; c < toColumn; c++)
                    {
                        canvas[row][c] = '─';
                    }
                }
                else if (toColumn == column && toRow > row)
                {
                    for (var r = row + 1; r < toRow; r++)
                    {
                        canvas[r][column + 1] = '│';
                    }
                }
                else if (toRow > row && toColumn != column && exit.Direction is Direction.Southeast or Direction.Southwest or Direction.Down or Direction.Out or Direction.In)
                {
                    canvas[row + 1][Math.Min(column, toColumn) + CellWidth / 2] = toColumn > column ? '╲' : '╱';
                }
            }
        }
        foreach (var (id, cell) in cells)
        {
            var (column, row) = At(cell);
            var location = world.Location(id);
            var marks = string.Concat(location.Exits.Where(e => cells.ContainsKey(e.To)).Select(e => e.Direction switch
            {
                Direction.Up => "↑",
                Direction.Down => "↓",
                Direction.In or Direction.Out => "⇄",
                _ => "",
            }).Distinct());
            var name = Shorten(location.Name, CellWidth - 4 - marks.Length) + marks;
            var label = id == here ? $"[{name}]" : $" {name} ";
            label.CopyTo(0, canvas[row], column, Math.Min(label.Length, width - column));
        }
        return [.. canvas.Select(r => new string(r).TrimEnd())];
    }

    private static string Shorten(string name, int length)
    {
        var trimmed = name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
        return trimmed.Length <= length ? trimmed : trimmed[..(length - 1)] + "…";
    }

    private static (int Dx, int Dy) Step(Direction? direction) => direction switch
    {
        Direction.North => (0, -1),
        Direction.South => (0, 1),
        Direction.East => (1, 0),
        Direction.West => (-1, 0),
        Direction.Northeast => (1, -1),
        Direction.Northwest => (-1, -1),
        Direction.Southeast => (1, 1),
        Direction.Southwest => (-1, 1),
        Direction.Up => (1, -1),
        Direction.Down => (-1, 1),
        Direction.In => (1, 1),
        Direction.Out => (-1, -1),
        _ => (1, 1),
    };
}
