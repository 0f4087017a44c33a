using ScottPlot;
using ScottPlot.TickGenerators;
using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>A series of an interval chart: one pair of groups, its difference and interval for each category.</summary>
public sealed record IntervalSeries(string Name, IReadOnlyList<BootstrapInterval> Intervals);

/// <summary>
/// Differences with their confidence intervals: a marker at the difference and a vertical line from the low to the
/// high end, per category and series, around a line at zero (an interval crossing it shows no clear difference).
/// </summary>
public static class IntervalChart
{
    public static Plot Draw(string title, IReadOnlyList<string> categories, IReadOnlyList<IntervalSeries> series)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        plot.Title(title);
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        var step = 0.8 / Math.Max(1, series.Count);
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Color.FromHex(BarChart.Palette[s % BarChart.Palette.Count]);
            var xs = new List<double>();
            var ys = new List<double>();
            for (var c = 0; c < categories.Count && c < series[s].Intervals.Count; c++)
            {
                var interval = series[s].Intervals[c];
                var x = c - 0.4 + step * (s + 0.5);
                var range = plot.Add.Line(x, interval.Low, x, interval.High);
                range.LineColor = colour;
                range.LineWidth = 2;
                xs.Add(x);
                ys.Add(interval.Difference);
            }
            var points = plot.Add.ScatterPoints(xs, ys, colour);
            points.MarkerSize = 8;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = colour });
        }
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, categories.Count).Select(c => (double)c)], [.. categories]);
        plot.Axes.SetLimitsX(-0.6, Math.Max(categories.Count, 1) - 0.4);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
