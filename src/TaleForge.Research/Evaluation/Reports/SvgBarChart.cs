using System.Globalization;
using System.Security;
using System.Text;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>A series of a bar chart: one model's value for each category, null where it has none.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// A grouped bar chart as SVG: categories (dimensions) along the bottom, one bar per series (model) in each, a
/// value axis with grid lines and a legend. SVG is text, so charts need no native graphics library and open in
/// any browser.
/// </summary>
public static class SvgBarChart
{
    private const int Height = 360;
    private const int Left = 56;
    private const int Top = 40;
    private const int Bottom = 64;
    private const int LegendRow = 18;
    private const int BarWidth = 16;
    private const int GroupGap = 24;

    // Colours that stay apart for common colour blindness (Okabe and Ito's palette).
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static string Render(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, double maximum, double tick)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximum);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tick);
        var groupWidth = Math.Max(1, series.Count) * BarWidth + GroupGap;
        var plotWidth = Math.Max(categories.Count * groupWidth, 240);
        var legendHeight = series.Count * LegendRow;
        var width = Left + plotWidth + 24;
        var height = Height + legendHeight;
        var plotHeight = Height - Top - Bottom;
        double Y(double value) => Top + plotHeight * (1 - Math.Clamp(value, 0, maximum) / maximum);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n"));
        for (var value = 0.0; value <= maximum + 1e-9; value += tick)
        {
            var y = Y(value);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#dddddd\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value:0.##}</text>\n"));
        }
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + c * groupWidth + GroupGap / 2;
            for (var s = 0; s < series.Count; s++)
            {
                if (c >= series[s].Values.Count || series[s].Values[c] is not { } value)
                {
                    continue;
                }
                var y = Y(value);
                svg.Append(Invariant($"<rect x=\"{x0 + s * BarWidth}\" y=\"{y:0.#}\" width=\"{BarWidth - 2}\" height=\"{Top + plotHeight - y:0.#}\" fill=\"{Palette[s % Palette.Length]}\">"))
                    .Append(Invariant($"<title>{Escape(series[s].Name)}, {Escape(categories[c])}: {value:0.###}</title></rect>\n"));
            }
            var labelX = x0 + series.Count * BarWidth / 2;
            svg.Append(Invariant($"<text x=\"{labelX}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{Escape(categories[c])}</text>\n"));
        }
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"black\"/>\n"));
        for (var s = 0; s < series.Count; s++)
        {
            var y = Height - 16 + s * LegendRow;
            svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{y - 10}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/>"))
                .Append(Invariant($"<text x=\"{Left + 18}\" y=\"{y}\">{Escape(series[s].Name)}</text>\n"));
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
