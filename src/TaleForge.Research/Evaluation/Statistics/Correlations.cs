using MathNet.Numerics.Statistics;

namespace TaleForge.Research.Evaluation.Statistics;

/// <summary>Pearson's r and Spearman's rho (ties get their mean rank), null where undefined (fewer than two pairs, or no spread).</summary>
public static class Correlations
{
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y) => Defined(x, y, Correlation.Pearson);

    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) => Defined(x, y, Correlation.Spearman);

    private static double? Defined(IReadOnlyList<double> x, IReadOnlyList<double> y, Func<IEnumerable<double>, IEnumerable<double>, double> measure)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Correlation needs pairs: {x.Count} values against {y.Count}.", nameof(y));
        }
        if (x.Count < 2 || x.Distinct().Count() < 2 || y.Distinct().Count() < 2)
        {
            return null;
        }
        var r = measure(x, y);
        return double.IsFinite(r) ? r : null;
    }
}
