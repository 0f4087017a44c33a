using System.Diagnostics;

namespace TaleForge.Benchmarks;

/// <summary>
/// Times an action: the first call alone (what a one-shot command pays, compilation included), then, after
/// warm-up, the median of several runs, which noise on a shared machine disturbs least.
/// </summary>
internal sealed record Timing(double FirstMs, double MedianMs, double MinMs, double MaxMs, int Runs)
{
    public static Timing Measure(Action action, int warmups, int runs)
    {
        var first = Stopwatch.GetTimestamp();
        action();
        var firstMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
        for (var i = 0; i < warmups; i++)
        {
            action();
        }
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        var median = runs % 2 == 1 ? samples[runs / 2] : (samples[runs / 2 - 1] + samples[runs / 2]) / 2;
        return new Timing(firstMs, median, samples[0], samples[^1], runs);
    }
}
