using System.Text;

namespace TaleForge.Research.Evaluation.Reports;

/// <summary>A plain-text table for the terminal: the first column left-aligned, the others right-aligned, as numbers read best.</summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            for (var c = 0; c < header.Count; c++)
            {
                var cell = c < row.Count ? row[c] : "";
                text.Append(c == 0 ? cell.PadRight(widths[c]) : "  " + cell.PadLeft(widths[c]));
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
