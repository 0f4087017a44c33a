using System.Globalization;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>How numbers are written in every report: invariant culture, a fixed number of decimals, "" for none.</summary>
internal static class Numbers
{
    public static string Score(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";

    public static string Rate(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    public static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>For the terminal: a dash where there is no value.</summary>
    public static string Shown(double? value, string format = "0.00") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
