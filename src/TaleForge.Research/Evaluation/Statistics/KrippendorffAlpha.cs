namespace TaleForge.Research.Evaluation.Statistics;

/// <summary>
/// Krippendorff's alpha with the interval metric (squared difference), for any number of raters and missing
/// ratings: alpha = 1 - D_o / D_e, where D_o is the disagreement observed within units and D_e the disagreement
/// expected between any two pairable values. Units rated by fewer than two raters carry no pair and are left out.
/// </summary>
public static class KrippendorffAlpha
{
    /// <param name="units">One list per unit (a row being rated): the values its raters gave, null for a missing rating.</param>
    /// <returns>Alpha, or null when there are no pairable values or they do not vary at all.</returns>
    public static double? Interval(IEnumerable<IReadOnlyList<double?>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units.Select(u => u.OfType<double>().ToList()).Where(u => u.Count >= 2).ToList();
        var values = pairable.SelectMany(u => u).ToList();
        var n = values.Count;
        if (n < 2)
        {
            return null;
        }

        // Observed: within each unit, every ordered pair of its m values, weighted 1 / (m - 1).
        var observed = 0.0;
        foreach (var unit in pairable)
        {
            var within = 0.0;
            for (var i = 0; i < unit.Count; i++)
            {
                for (var j = 0; j < unit.Count; j++)
                {
                    within += Square(unit[i] - unit[j]);
                }
            }
            observed += within / (unit.Count - 1);
        }
        observed /= n;

        // Expected: every ordered pair of all n pairable values; the sum of squared differences over all pairs equals
        // 2n times the sum of squared deviations from the mean.
        var mean = values.Average();
        var expected = 2.0 * n * values.Sum(v => Square(v - mean)) / (n * (n - 1.0));
        return expected == 0 ? null : 1 - observed / expected;
    }

    /// <summary>Two raters, each unit rated by both.</summary>
    public static double? Interval(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count != second.Count)
        {
            throw new ArgumentException($"Alpha for two raters needs pairs: {first.Count} values against {second.Count}.", nameof(second));
        }
        return Interval(first.Zip(second, (a, b) => (IReadOnlyList<double?>)[a, b]));
    }

    private static double Square(double x) => x * x;
}
