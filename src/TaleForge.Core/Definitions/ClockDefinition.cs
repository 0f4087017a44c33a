namespace TaleForge.Core.Definitions;

/// <summary>In-world time: where it starts and how far each round moves it.</summary>
public sealed record ClockDefinition
{
    public int Day { get; init; } = 1;

    /// <summary>Time of day when play begins.</summary>
    public TimeOnly Start { get; init; } = new(9, 0);

    public int MinutesPerRound { get; init; } = 10;
}
