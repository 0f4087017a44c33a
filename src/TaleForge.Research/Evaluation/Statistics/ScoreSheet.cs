using System.Collections.Immutable;
using System.Globalization;
using CsvHelper;
using TaleForge.Core;
using TaleForge.Research.Evaluation.Judging;

namespace TaleForge.Research.Evaluation.Statistics;

/// <summary>One rated row: its key (trajectory, scene and, for characters, character) and its scores by column.</summary>
public sealed record ScoredRow(int Line, ImmutableArray<string> Key, ImmutableDictionary<string, double?> Scores);

/// <summary>
/// A CSV of scores, as <c>taleforge eval</c> writes for the judge and as people fill in by hand: a header line,
/// then one row per judged performance. Key columns: <c>trajectory</c>, <c>scene</c>, and <c>character</c> for
/// character rows. Score columns are named after the dimensions (<c>knowledge_accuracy</c> ... <c>quality</c> ...,
/// and <c>average</c>); other columns are ignored. An empty score cell is a missing rating.
/// </summary>
public sealed class ScoreSheet
{
    public static ImmutableArray<string> KeyColumns { get; } = ["trajectory", "scene", "character"];

    /// <summary>Every column that can be compared, in the order reports show them.</summary>
    public static ImmutableArray<string> ScoreColumns { get; } =
        [.. CharacterDimensions.All.Select(d => d.Key), .. NarratorMaxims.All.Select(d => d.Key), "average"];

    private ScoreSheet(string path, ImmutableArray<string> keys, ImmutableArray<string> scores, ImmutableArray<ScoredRow> rows)
    {
        Path = path;
        Keys = keys;
        Scores = scores;
        Rows = rows;
    }

    public string Path { get; }

    /// <summary>The key columns this sheet has.</summary>
    public ImmutableArray<string> Keys { get; }

    /// <summary>The score columns this sheet has.</summary>
    public ImmutableArray<string> Scores { get; }

    public ImmutableArray<ScoredRow> Rows { get; }

    public static ScoreSheet Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new TaleForgeException($"{path}: the file does not exist; check the path.");
        }
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.FromFile(path, options);
        try
        {
            return Read(path, csv);
        }
        catch (CsvFormatException e)
        {
            throw new TaleForgeException($"{path}:{e.LineNumber}: the row is not valid CSV ({e.Message}); put fields that hold "
                + "quotes, commas or line breaks in double quotes, and double any quote inside them.");
        }
    }

    private static ScoreSheet Read(string path, CsvReader csv)
    {
        var any = csv.Read();
        var header = (csv.Headers ?? []).Select(h => h.Trim()).ToList();
        if (header.Count == 0 || header.All(h => h.Length == 0))
        {
            throw new TaleForgeException($"{path}:1: the file is empty; a score sheet starts with a header line such as "
                + "'trajectory,scene,character,knowledge_accuracy,...'.");
        }
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TaleForgeException($"{path}:1: the column '{duplicate.Key}' appears twice; give each column once.");
        }
        foreach (var required in KeyColumns.Take(2).Where(k => !header.Contains(k)))
        {
            throw new TaleForgeException($"{path}:1: there is no '{required}' column (the header has {string.Join(", ", header)}); "
                + "a score sheet needs the key columns trajectory, scene (and character for character rows), as eval writes them.");
        }
        var keys = KeyColumns.Where(header.Contains).ToImmutableArray();
        var scores = ScoreColumns.Where(header.Contains).ToImmutableArray();
        if (scores.IsEmpty)
        {
            throw new TaleForgeException($"{path}:1: no score column (the header has {string.Join(", ", header)}); "
                + $"name score columns after the dimensions: {string.Join(", ", ScoreColumns)}.");
        }

        var rows = ImmutableArray.CreateBuilder<ScoredRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (; any; any = csv.Read())
        {
            var line = (int)csv.LineNumber;
            var record = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (record.Length != header.Count)
            {
                throw new TaleForgeException($"{path}:{line}: the row has {record.Length} fields but the header has {header.Count}; "
                    + "give every row one field per column (an empty field for a missing rating).");
            }
            var key = keys.Select(k => record[header.IndexOf(k)].Trim()).ToImmutableArray();
            var joined = string.Join("\u001f", key);
            if (seen.TryGetValue(joined, out var first))
            {
                throw new TaleForgeException($"{path}:{line}: the row {Describe(keys, key)} repeats line {first}; rate each row once "
                    + "(average several raters' scores into one row, or compare them one file at a time).");
            }
            seen[joined] = line;
            var values = ImmutableDictionary.CreateBuilder<string, double?>(StringComparer.Ordinal);
            foreach (var column in scores)
            {
                var cell = record[header.IndexOf(column)].Trim();
                if (cell.Length == 0)
                {
                    values[column] = null;
                    continue;
                }
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new TaleForgeException($"{path}:{line}: the column '{column}' holds '{Clip(cell)}', which is not a number; "
                        + "write scores as numbers such as 1 to 5 (with a point for decimals), or leave the cell empty when not rated.");
                }
                if (value is < 1 or > 5)
                {
                    throw new TaleForgeException($"{path}:{line}: the column '{column}' holds {Clip(cell)}, outside the scale of 1 to 5; "
                        + "rate on CharacterBox's 1-5 scale, or leave the cell empty when not rated.");
                }
                values[column] = value;
            }
            rows.Add(new ScoredRow(line, key, values.ToImmutable()));
        }
        return new ScoreSheet(path, keys, scores, rows.ToImmutable());
    }

    public static string Describe(IReadOnlyList<string> columns, IReadOnlyList<string> key) =>
        string.Join(", ", columns.Select((c, i) => $"{c}={key[i]}"));

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
