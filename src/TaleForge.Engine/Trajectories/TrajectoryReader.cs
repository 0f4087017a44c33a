using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// Reads trajectory lines: the header, then each record straight from its UTF-8 bytes. Only the last line may be
/// cut short (a crash mid-write); it is skipped with a warning. Anything else that does not read names its line.
/// </summary>
internal static class TrajectoryReader
{
    public static (TrajectoryHeader Header, ImmutableArray<TrajectoryRecord> Records, ImmutableArray<string> Warnings) Read(
        string path, ReadOnlySpan<byte> content)
    {
        var records = ImmutableArray.CreateBuilder<TrajectoryRecord>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        TrajectoryHeader? header = null;
        var pool = new StringPool();
        var number = 0;
        var rest = content;
        while (rest.Length > 0)
        {
            number++;
            var end = rest.IndexOf((byte)'\n');
            var terminated = end >= 0;
            var line = terminated ? rest[..end] : rest;
            rest = terminated ? rest[(end + 1)..] : [];
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (header is null)
            {
                if (line.Trim((byte)' ').Length == 0)
                {
                    throw Empty(path);
                }
                header = ReadHeader(path, line);
                continue;
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (ReadRecord(path, number, line, lastAndUnterminated: !terminated, pool) is { } record)
            {
                records.Add(record);
            }
            else
            {
                warnings.Add($"{path}:{number}: the last line is incomplete (the writer was stopped mid-line); it was skipped.");
            }
        }
        return (header ?? throw Empty(path), records.ToImmutable(), warnings.ToImmutable());
    }

    private static TrajectoryException Empty(string path) =>
        new(path, 1, "the file is empty: a trajectory starts with a header line", "give a file written by TaleForge");

    private static TrajectoryHeader ReadHeader(string path, ReadOnlySpan<byte> line)
    {
        // JSON parsing accepts bad UTF-8 in a name and fails later, lazily, outside any error it names.
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            throw new TrajectoryException(path, 1, "the header is not valid UTF-8", "the file is damaged; restore it from a backup");
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            throw new TrajectoryException(path, 1, $"the header is not valid JSON ({e.Message})", "give a trajectory file written by TaleForge");
        }
        if (node is not JsonObject header || (header["record"] as JsonValue)?.GetValueKind() != JsonValueKind.String
            || header["record"]!.GetValue<string>() != "header")
        {
            throw new TrajectoryException(path, 1, "the first line is not a trajectory header", "give a trajectory file written by TaleForge");
        }
        var format = (header["format"] as JsonValue)?.GetValueKind() == JsonValueKind.String ? header["format"]!.GetValue<string>() : null;
        if (format != TrajectoryHeader.CurrentFormat)
        {
            throw new TrajectoryException(path, 1, $"the format is '{format}', but this TaleForge reads '{TrajectoryHeader.CurrentFormat}'",
                "use the TaleForge version that wrote it, or convert the file");
        }
        try
        {
            return header.Deserialize<TrajectoryHeader>(TrajectoryJson.Options)
                ?? throw new TrajectoryException(path, 1, "the header is empty", "give a trajectory file written by TaleForge");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new TrajectoryException(path, 1, $"the header is malformed ({e.Message})", "give a trajectory file written by TaleForge");
        }
    }

    /// <summary>The record on one line; null for an unfinished last line.</summary>
    private static TrajectoryRecord? ReadRecord(string path, int number, ReadOnlySpan<byte> line, bool lastAndUnterminated, StringPool pool)
    {
        try
        {
            return new RecordLine(line, pool).Read(number);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            if (IsWellFormed(line))
            {
                throw Malformed(path, number, e.Message);
            }
            if (lastAndUnterminated)
            {
                return null;
            }
            throw new TrajectoryException(path, number, $"the line is not valid JSON ({SyntaxError(line)})",
                "the file is damaged; restore it from a backup, or cut it before this line");
        }
    }

    private static TrajectoryException Malformed(string path, int number, string problem) =>
        new(path, number, $"the record is malformed ({problem})", "the file is damaged; restore it from a backup, or cut it before this line");

    private static bool IsWellFormed(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string SyntaxError(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            return "unknown error";
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }
}
