namespace TaleForge.Core.Definitions;

/// <summary>
/// A one-way way out of a location. Named by a compass <see cref="Direction"/>, a free <see cref="Label"/>
/// ("through the trapdoor"), or both. A return path is a separate exit on the other location.
/// </summary>
public sealed record ExitDefinition
{
    public Direction? Direction { get; init; }
    public string? Label { get; init; }

    /// <summary>Id of the location this exit leads to.</summary>
    public required string To { get; init; }

    /// <summary>Must hold for the exit to be usable; <c>carrying</c> refers to the character moving.</summary>
    public Predicate? Requires { get; init; }

    /// <summary>Narrated when <see cref="Requires"/> does not hold.</summary>
    public string? Blocked { get; init; }

    /// <summary>Speech on either side can be heard through this exit.</summary>
    public bool Audible { get; init; }

    public string Description { get; init; } = "";

    /// <summary>What a player types or reads: the direction word, else the label.</summary>
    public string Name => Direction is { } d ? d.Word() : Label ?? To;
}
