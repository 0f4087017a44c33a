using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Research.Tests.Evaluation;

public sealed class BootstrapTests
{
    private static double[] Sample(double mean, double deviation, int count, int seed) =>
        [.. new Normal(mean, deviation, new MersenneTwister(seed)).Samples().Take(count)];

    [Fact]
    public void The_interval_of_two_samples_whose_means_differ_by_half_a_point_holds_that_difference_and_leaves_out_zero()
    {
        var a = Sample(3.5, 0.5, 200, seed: 1);
        var b = Sample(3.0, 0.5, 200, seed: 2);

        var interval = Bootstrap.DifferenceOfMeans(a, b, seed: 7);

        Assert.Equal(a.Average() - b.Average(), interval.Difference, 12);
        Assert.InRange(0.5, interval.Low, interval.High);
        Assert.True(interval.ExcludesZero);
        // The standard error of the difference is 0.5 * sqrt(2 / 200) = 0.05, so a 95% interval spans about 0.2.
        Assert.InRange(interval.High - interval.Low, 0.15, 0.25);
        Assert.Equal((0.95, 2000), (interval.Confidence, interval.Resamples));
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_another()
    {
        var a = Sample(4, 1, 30, seed: 3);
        var b = Sample(4, 1, 30, seed: 4);

        var first = Bootstrap.DifferenceOfMeans(a, b, seed: 11);
        var again = Bootstrap.DifferenceOfMeans(a, b, seed: 11);
        var other = Bootstrap.DifferenceOfMeans(a, b, seed: 12);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Low, other.Low);
        Assert.Equal(first.Difference, other.Difference);
    }

    [Fact]
    public void Ninety_five_percent_intervals_hold_the_true_difference_about_ninety_five_times_in_a_hundred()
    {
        // 300 experiments, each two samples of 40 with a true difference of 0.3: a percentile bootstrap covers it in
        // close to 95% of them (a little under, for samples this small).
        var covered = Enumerable.Range(0, 300).Count(i =>
        {
            var interval = Bootstrap.DifferenceOfMeans(Sample(3.3, 1, 40, 1000 + i), Sample(3.0, 1, 40, 5000 + i), seed: i, resamples: 1000);
            return interval.Low <= 0.3 && 0.3 <= interval.High;
        });

        Assert.InRange(covered, 270, 294);
    }

    [Fact]
    public void Samples_that_do_not_vary_give_an_interval_of_their_difference_alone()
    {
        var interval = Bootstrap.DifferenceOfMeans([4, 4, 4], [3, 3], seed: 1);

        Assert.Equal((1.0, 1.0, 1.0), (interval.Difference, interval.Low, interval.High));
    }

    [Fact]
    public void An_empty_sample_is_refused_with_a_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => Bootstrap.DifferenceOfMeans([], [1.0], seed: 1));

        Assert.Contains("at least one value", error.Message, StringComparison.Ordinal);
    }
}
