using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SkiaSharp;
using TaleForge.Research.Evaluation;
using TaleForge.Research.Evaluation.Comparison;
using TaleForge.Research.Evaluation.Judging;
using TaleForge.Research.Evaluation.Reports;

namespace TaleForge.Research.Tests.Evaluation;

public sealed class DatasetReportTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Two works, each played by "alpha" under the taleforge protocol and by "beta" under the characterbox one, two
    /// scenes each; alpha's characters score 4 on every dimension, beta's 3, except that beta scores 5 in the Chinese work's second scene.
    /// </summary>
    private static EvaluationReport Report()
    {
        EvaluatedTrajectory Trajectory(string name, string world, string protocol) =>
            new(name, world, 1, "simulate", 10, 10, 2, []) { Protocol = protocol };
        CharacterVerdict Verdict(string trajectory, string scene, string character, string model, int score) => new()
        {
            Trajectory = trajectory,
            Scene = scene,
            Character = character,
            Model = model,
            Scores = [.. Enumerable.Repeat(score, CharacterDimensions.All.Length)],
        };
        var verdicts = new List<CharacterVerdict>();
        foreach (var (trajectory, model) in new[] { ("en/alpha", "alpha"), ("zh/alpha", "alpha"), ("en/beta", "beta"), ("zh/beta", "beta") })
        {
            foreach (var scene in new[] { "s1", "s2" })
            {
                var score = model == "alpha" ? 4 : trajectory == "zh/beta" && scene == "s2" ? 5 : 3;
                verdicts.Add(Verdict(trajectory, scene, "ann", model, score));
                verdicts.Add(Verdict(trajectory, scene, "bo", model, score));
            }
        }
        return new EvaluationReport
        {
            Trajectories =
            [
                Trajectory("en/alpha", "lanterns", "taleforge"), Trajectory("zh/alpha", "bamboo", "taleforge"),
                Trajectory("en/beta", "lanterns", "characterbox"), Trajectory("zh/beta", "bamboo", "characterbox"),
            ],
            Judge = "judge",
            CharacterVerdicts = [.. verdicts],
        };
    }

    [Fact]
    public void Scores_are_aggregated_per_work_and_per_protocol_as_per_model()
    {
        var report = Report();

        Assert.Equal(
            [("bamboo (alpha)", 4.0), ("bamboo (beta)", 4.0), ("lanterns (alpha)", 4.0), ("lanterns (beta)", 3.0)],
            report.CharactersByWork.Select(a => (a.Group, a.Average)));
        Assert.Equal([("characterbox (beta)", 3.5, 4), ("taleforge (alpha)", 4.0, 4)], report.CharactersByProtocol.Select(a => (a.Group, a.Average, a.Scenes)));
    }

    [Fact]
    public void Comparing_by_model_gives_the_difference_of_the_scene_means_and_an_interval_inside_the_scenes_range()
    {
        var report = Report();

        var differences = GroupComparison.Of(report, CompareBy.Model, seed: 5);

        // One pair, seven dimensions and the average; beta's four scenes are 3, 3, 3, 5 (mean 3.5), alpha's all 4.
        Assert.Equal(8, differences.Length);
        var average = differences.Single(d => d.Dimension == GroupComparison.Average);
        Assert.Equal(("alpha", "beta", 4, 4, 4.0, 3.5), (average.A, average.B, average.ScenesA, average.ScenesB, average.MeanA, average.MeanB));
        Assert.Equal(0.5, average.Interval.Difference, 12);
        // A resampled beta mean lies between 3 and 5, so the difference between -1 and 1; 3 + 3 + 3 + 3 gives the high end.
        Assert.Equal(1.0, average.Interval.High, 12);
        Assert.InRange(average.Interval.Low, -1.0, 0.5);
        var again = GroupComparison.Of(report, CompareBy.Model, seed: 5);
        Assert.Equal(differences.Select(d => (d.Dimension, d.Interval.Low, d.Interval.High)), again.Select(d => (d.Dimension, d.Interval.Low, d.Interval.High)));
    }

    [Fact]
    public void Comparing_by_protocol_groups_the_trajectories_by_the_protocol_their_header_names()
    {
        var differences = GroupComparison.Of(Report(), CompareBy.Protocol, seed: 5);

        Assert.All(differences, d => Assert.Equal(("characterbox", "taleforge"), (d.A, d.B)));
        Assert.Equal(-0.5, differences.Single(d => d.Dimension == GroupComparison.Average).Interval.Difference, 12);
    }

    [Fact]
    public void The_report_files_hold_the_new_tables_and_charts_as_valid_png_and_svg_with_a_series_per_model()
    {
        var report = Report() with { Comparisons = GroupComparison.Of(Report(), CompareBy.Model, seed: 5) };
        var folder = Path.Combine(_folder.Path, "eval");

        var written = EvaluationFiles.Write(report, folder);

        Assert.Contains(Path.Combine(folder, "characters-by-work.csv"), written);
        Assert.Equal("protocol,scenes,verdicts,", File.ReadAllLines(Path.Combine(folder, "characters-by-protocol.csv"))[0][..25]);
        var comparison = File.ReadAllLines(Path.Combine(folder, "comparison.csv"));
        Assert.Equal(9, comparison.Length);
        Assert.StartsWith("model,alpha,beta,average,4,4,4.000,3.500,0.500,", comparison[^1], StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "evaluation.json")))!;
        Assert.Equal(8, json["comparisons"]!.AsArray().Count);
        Assert.Equal(4, json["characters"]!["by_work"]!.AsArray().Count);
        Assert.Equal("characterbox", (string?)json["trajectories"]![2]!["protocol"]);

        foreach (var chart in new[] { "characters-by-model", "objective-by-model", "comparison" })
        {
            var png = File.ReadAllBytes(Path.Combine(folder, chart + ".png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            using var image = SKBitmap.Decode(png);
            Assert.True(image is { Width: >= 480, Height: 420 }, $"{chart}.png decodes to an image of the chart's size");
            var svg = XDocument.Load(Path.Combine(folder, chart + ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
        }

        // The characters chart has a series per model: bars in the palette's first two colours, and both in the legend.
        using var characters = SKBitmap.Decode(Path.Combine(folder, "characters-by-model.png"));
        var colours = characters.Pixels.Select(p => $"#{p.Red:X2}{p.Green:X2}{p.Blue:X2}").ToHashSet();
        Assert.Contains(BarChart.Palette[0], colours);
        Assert.Contains(BarChart.Palette[1], colours);
        Assert.DoesNotContain(BarChart.Palette[2], colours);
        var text = string.Concat(XDocument.Load(Path.Combine(folder, "characters-by-model.svg")).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim() + "|"));
        Assert.Contains("alpha|", text, StringComparison.Ordinal);
        Assert.Contains("beta|", text, StringComparison.Ordinal);
        Assert.Contains("Characters by model", text, StringComparison.Ordinal);
    }
}
