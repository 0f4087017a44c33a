namespace TaleForge.Core.State;

/// <summary>In-world time: a day number and minutes since that day's midnight.</summary>
public readonly record struct GameTime(int Day, int Minute)
{
    public GameTime Advance(int minutes)
    {
        var total = Minute + minutes;
        return new GameTime(Day + total / MinutesPerDay, total % MinutesPerDay);
    }

    public TimeOnly TimeOfDay => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Minute));

    /// <summary>Total minutes since the start of day 1: a monotonic number for recency.</summary>
    public long TotalMinutes => (long)(Day - 1) * MinutesPerDay + Minute;

    public override string ToString() => $"day {Day}, {TimeOfDay:HH\\:mm}";

    private const int MinutesPerDay = 24 * 60;
}
