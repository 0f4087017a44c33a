using System.CommandLine;
using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Cli.Commands;

/// <summary>
/// <c>taleforge eval agreement JUDGE.csv HUMAN.csv</c>: how well a judge agrees with people, per dimension:
/// Pearson's r, Spearman's rho and Krippendorff's alpha (interval), over the rows both rated.
/// </summary>
internal static class EvalAgreementCommand
{
    public static Command Create()
    {
        var judge = new Argument<string>("judge") { Description = "The judge's scores: judge-characters.csv or judge-narrator.csv as eval writes them." };
        var human = new Argument<string>("human") { Description = "People's scores: the same key columns (trajectory, scene, character) and dimension columns." };
        var command = new Command("agreement", "Compare a judge's scores with people's: Pearson, Spearman and Krippendorff's alpha per dimension.") { judge, human };
        command.SetAction(async (parse, cancellation) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var judged = ScoreSheet.Read(parse.GetValue(judge)!);
            var rated = ScoreSheet.Read(parse.GetValue(human)!);
            var rows = Agreement.Compare(judged, rated);
            await stdout.WriteLineAsync($"{rated.Rows.Length} human rows matched in {judged.Rows.Length} judged rows");
            await stdout.WriteAsync(AgreementTable(rows));
            return 0;
        });
        return command;
    }

    private static string AgreementTable(IReadOnlyList<DimensionAgreement> rows)
    {
        static string Shown(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
        var table = rows.Select(r => new[] { r.Dimension, $"{r.Pairs}", Shown(r.Pearson), Shown(r.Spearman), Shown(r.Alpha) }).ToList();
        string[] header = ["dimension", "pairs", "pearson", "spearman", "alpha"];
        var widths = Enumerable.Range(0, header.Length).Select(c => table.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        return string.Concat(table.Prepend(header).Select(r =>
            string.Join("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))) + "\n"));
    }
}
