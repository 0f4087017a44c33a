using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace TaleForge.Research.Evaluation.Statistics;

/// <summary>A difference of means with its percentile bootstrap interval.</summary>
public sealed record BootstrapInterval(double Difference, double Low, double High, double Confidence, int Resamples)
{
    /// <summary>The interval leaves out zero: at this confidence the groups differ.</summary>
    public bool ExcludesZero => Low > 0 || High < 0;
}

/// <summary>
/// The percentile bootstrap of a difference of two means: each sample is resampled with replacement on its own
/// (the samples are independent, e.g. scenes two models played), the difference of the resampled means taken
/// each time, and the interval read off those differences' quantiles. The generator is seeded (Mersenne
/// Twister, whose sequence is fixed), so a report gives the same interval every time it is computed.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;
    public const double DefaultConfidence = 0.95;

    public static BootstrapInterval DifferenceOfMeans(IReadOnlyList<double> a, IReadOnlyList<double> b, int seed,
        int resamples = DefaultResamples, double confidence = DefaultConfidence)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value to compare their means.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must lie strictly between 0 and 1.");
        }
        var random = new MersenneTwister(seed, threadSafe: false);
        var differences = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            differences[r] = ResampledMean(a, random) - ResampledMean(b, random);
        }
        var tail = (1 - confidence) / 2;
        return new BootstrapInterval(
            a.Average() - b.Average(),
            differences.Quantile(tail),
            differences.Quantile(1 - tail),
            confidence,
            resamples);
    }

    private static double ResampledMean(IReadOnlyList<double> sample, Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < sample.Count; i++)
        {
            sum += sample[random.Next(sample.Count)];
        }
        return sum / sample.Count;
    }
}
