using TaleForge.Core;
using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Research.Tests.Evaluation;

public sealed class StatisticsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taleforge-stats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    // Judge 1 2 3 4 against human 1 2 4 4, worked out by hand:
    // Pearson: dx = (-1.5, -.5, .5, 1.5), dy = (-1.75, -.75, 1.25, 1.25); r = 5.5 / sqrt(5 * 6.75).
    // Spearman: human ranks 1 2 3.5 3.5; r = 4.5 / sqrt(5 * 4.5).
    // Alpha (interval): the 8 values 1 1 2 2 3 4 4 4 have mean 21/8 and squared deviations summing to 11.875, so
    // D_e = 2 * 11.875 / 7; D_o = (0 + 0 + 1 + 0) / 4; alpha = 1 - 0.25 * 7 / 23.75 = 1 - 7/95 = 88/95.
    private static readonly double[] Judge = [1, 2, 3, 4];
    private static readonly double[] Human = [1, 2, 4, 4];

    [Fact]
    public void Pearson_spearman_and_alpha_match_the_values_worked_out_by_hand()
    {
        Assert.Equal(5.5 / Math.Sqrt(5 * 6.75), Correlations.Pearson(Judge, Human)!.Value, 12);
        Assert.Equal(4.5 / Math.Sqrt(5 * 4.5), Correlations.Spearman(Judge, Human)!.Value, 12);
        Assert.Equal(88.0 / 95, KrippendorffAlpha.Interval(Judge, Human)!.Value, 12);
    }

    [Fact]
    public void Alpha_for_four_raters_with_missing_ratings_matches_krippendorffs_published_example()
    {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 12 units, 4 observers; interval alpha 0.849.
        double?[][] observers =
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
            [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
        ];
        var units = Enumerable.Range(0, 12).Select(u => (IReadOnlyList<double?>)[.. observers.Select(o => o[u])]);

        Assert.Equal(0.849, KrippendorffAlpha.Interval(units)!.Value, 3);
    }

    [Fact]
    public void Perfect_agreement_gives_one_and_no_spread_gives_no_value()
    {
        Assert.Equal(1.0, KrippendorffAlpha.Interval([1.0, 3, 5], [1.0, 3, 5]));
        Assert.Null(Correlations.Pearson([3.0, 3, 3], [1.0, 2, 3]));
        Assert.Null(KrippendorffAlpha.Interval([3.0, 3], [3.0, 3]));
    }

    [Fact]
    public void Score_sheets_are_matched_by_key_and_compared_per_dimension()
    {
        var judge = Write("judge.csv", """"
            trajectory,scene,character,model,immersion,average,critique
            a.jsonl,arrival,mara,alpha.gguf,1,1.5,"Flat, ""wooden"""
            a.jsonl,arrival,ines,beta.gguf,2,2,fine
            a.jsonl,quiet,mara,alpha.gguf,3,3,
            b.jsonl,arrival,mara,alpha.gguf,4,4,"Two
            lines"
            b.jsonl,arrival,tomas,alpha.gguf,5,5,unrated by people
            """");
        var human = Write("human.csv", """
            trajectory,scene,character,immersion
            a.jsonl,arrival,mara,1
            a.jsonl,arrival,ines,2
            a.jsonl,quiet,mara,4
            b.jsonl,arrival,mara,4
            """);

        var rows = Agreement.Compare(ScoreSheet.Read(judge), ScoreSheet.Read(human));

        var immersion = Assert.Single(rows);
        Assert.Equal(("immersion", 4), (immersion.Dimension, immersion.Pairs));
        Assert.Equal(5.5 / Math.Sqrt(5 * 6.75), immersion.Pearson!.Value, 12);
        Assert.Equal(88.0 / 95, immersion.Alpha!.Value, 12);
    }

    [Fact]
    public void A_human_row_that_names_no_judged_row_is_reported_with_its_line_and_what_to_do()
    {
        var judge = Write("judge.csv", "trajectory,scene,character,immersion\na.jsonl,arrival,mara,3\n");
        var human = Write("human.csv", "trajectory,scene,character,immersion\na.jsonl,arrival,mara,3\na.jsonl,arrival,maud,2\n");

        var error = Assert.Throws<TaleForgeException>(() => Agreement.Compare(ScoreSheet.Read(judge), ScoreSheet.Read(human)));

        Assert.Equal($"{human}:3: no row of {judge} has trajectory=a.jsonl, scene=arrival, character=maud; "
            + "copy the key columns from the judge's file so each human row names a judged row.", error.Message);
    }

    [Theory]
    [InlineData("trajectory,scene,character,immersion\na.jsonl,arrival,mara,high\n", ":2: the column 'immersion' holds 'high', which is not a number")]
    [InlineData("trajectory,scene,character,immersion\na.jsonl,arrival,mara,4\na.jsonl,quay,mara,7\n", ":3: the column 'immersion' holds 7, outside the scale of 1 to 5")]
    [InlineData("trajectory,scene,character,immersion\na.jsonl,arrival,mara\n", ":2: the row has 3 fields but the header has 4")]
    [InlineData("trajectory,scene,character,immersion\na.jsonl,arrival,mara,3\n\na.jsonl,\"arrival\"x,mara,3\n", ":4: the row is not valid CSV")]
    [InlineData("scene,character,immersion\narrival,mara,3\n", ":1: there is no 'trajectory' column")]
    [InlineData("trajectory,scene,character,notes\na.jsonl,arrival,mara,ok\n", ":1: no score column")]
    [InlineData("", ":1: the file is empty")]
    [InlineData("trajectory,scene,character,immersion\na.jsonl,arrival,mara,3\na.jsonl,arrival,mara,4\n", ":3: the row trajectory=a.jsonl, scene=arrival, character=mara repeats line 2")]
    public void A_malformed_score_sheet_is_reported_with_its_file_line_and_problem(string text, string expected)
    {
        var path = Write("sheet.csv", text);

        var error = Assert.Throws<TaleForgeException>(() => ScoreSheet.Read(path));

        Assert.StartsWith(path + expected, error.Message, StringComparison.Ordinal);
    }
}
