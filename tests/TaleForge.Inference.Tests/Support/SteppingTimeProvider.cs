namespace TaleForge.Inference.Tests.Support;

/// <summary>A clock that stands still at <see cref="Now"/> and whose timestamp advances by one step per reading.</summary>
public sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public static DateTimeOffset Now { get; } = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        var now = _ticks;
        _ticks += step.Ticks;
        return now;
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
