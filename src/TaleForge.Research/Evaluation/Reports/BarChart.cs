using ScottPlot;
using ScottPlot.TickGenerators;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>
/// A grouped bar chart drawn with ScottPlot: categories (dimensions) along the bottom, one bar per series (model) in
/// each, a value axis from zero to a fixed maximum so charts of different runs compare at a glance, and a legend.
/// </summary>
public static class BarChart
{
    // Colours that stay apart for common colour blindness (Okabe and Ito's palette).
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static Plot Draw(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, double maximum, double tick)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximum);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tick);
        var plot = new Plot();
        plot.Title(title);
        // Each category takes one unit of the axis; its bars share 80% of it, centred on the category's tick.
        var width = 0.8 / Math.Max(1, series.Count);
        var bars = new List<Bar>();
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Color.FromHex(Palette[s % Palette.Count]);
            for (var c = 0; c < categories.Count && c < series[s].Values.Count; c++)
            {
                if (series[s].Values[c] is { } value)
                {
                    bars.Add(new Bar
                    {
                        Position = c - 0.4 + width * (s + 0.5),
                        Value = Math.Clamp(value, 0, maximum),
                        Size = width * 0.9,
                        FillColor = colour,
                        LineWidth = 0,
                    });
                }
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = colour });
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, categories.Count).Select(c => (double)c)], [.. categories]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new NumericFixedInterval(tick);
        plot.Axes.SetLimits(-0.6, Math.Max(categories.Count, 1) - 0.4, 0, maximum);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>A width that leaves every bar readable: about 24 pixels a bar, never under 480.</summary>
    public static int Width(int categories, int series) => Math.Max(480, 80 + categories * (Math.Max(1, series) * 24 + 24));
}
