using System.Collections.Immutable;
using TaleForge.Core;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>
/// Writes a report into a folder: CSV tables, evaluation.json and charts (PNG and SVG). Files already there are never
/// overwritten unless asked; the check comes before anything is written, so a refused run leaves the folder as it was.
/// </summary>
public static class EvaluationFiles
{
    public static ImmutableArray<string> Write(EvaluationReport report, string folder, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(folder);
        var tables = EvaluationCsv.Tables(report).ToList();
        var charts = EvaluationCharts.Render(report).ToList();
        var names = tables.Select(t => t.File).Concat(charts.SelectMany(c => new[] { c.PngFile, c.SvgFile })).Append(EvaluationJson.File).ToList();
        var existing = names.Select(n => Path.Combine(folder, n)).Where(File.Exists).ToList();
        if (existing.Count > 0 && !overwrite)
        {
            throw new TaleForgeException(
                $"{folder} already holds an evaluation ({string.Join(", ", existing.Select(Path.GetFileName))}); "
                + "choose another --out folder, or pass --overwrite to replace those files.");
        }
        Directory.CreateDirectory(folder);
        var written = ImmutableArray.CreateBuilder<string>();
        foreach (var (file, rows) in tables)
        {
            var path = Path.Combine(folder, file);
            EvaluationCsv.Write(path, rows);
            written.Add(path);
        }
        foreach (var chart in charts)
        {
            using (chart)
            {
                var png = Path.Combine(folder, chart.PngFile);
                File.WriteAllBytes(png, chart.Png());
                var svg = Path.Combine(folder, chart.SvgFile);
                File.WriteAllText(svg, chart.Svg());
                written.Add(png);
                written.Add(svg);
            }
        }
        var json = Path.Combine(folder, EvaluationJson.File);
        File.WriteAllText(json, EvaluationJson.Write(report));
        written.Add(json);
        return written.ToImmutable();
    }
}
