namespace TaleForge.Core.Definitions;

/// <summary>Compass and vertical directions, as interactive fiction has always named them.</summary>
public enum Direction
{
    North,
    South,
    East,
    West,
    Northeast,
    Northwest,
    Southeast,
    Southwest,
    Up,
    Down,
    In,
    Out,
}

public static class DirectionNames
{
    public static string Word(this Direction direction) => direction.ToString().ToLowerInvariant();

    /// <summary>Short forms a player may type: n, s, e, w, ne, nw, se, sw, u, d.</summary>
    public static string? Abbreviation(this Direction direction) => direction switch
    {
        Direction.North => "n",
        Direction.South => "s",
        Direction.East => "e",
        Direction.West => "w",
        Direction.Northeast => "ne",
        Direction.Northwest => "nw",
        Direction.Southeast => "se",
        Direction.Southwest => "sw",
        Direction.Up => "u",
        Direction.Down => "d",
        _ => null,
    };

    /// <summary>Parses a full word or an abbreviation, ignoring case.</summary>
    public static bool TryParse(string text, out Direction direction)
    {
        foreach (var candidate in Enum.GetValues<Direction>())
        {
            if (string.Equals(text, candidate.Word(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, candidate.Abbreviation(), StringComparison.OrdinalIgnoreCase))
            {
                direction = candidate;
                return true;
            }
        }
        direction = default;
        return false;
    }
}
