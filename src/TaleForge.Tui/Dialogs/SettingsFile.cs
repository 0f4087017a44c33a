using System.Globalization;
using System.Text;
using TaleForge.Core;

namespace TaleForge.Tui.Dialogs;

/// <summary>
/// The settings dialog's one writer of the config file (YAML of top-level "key: value" lines, as the play command
/// reads it): it replaces a key's line or adds one, and keeps every other line and comment as it was.
/// </summary>
public static class SettingsFile
{
    /// <summary>The keys the dialog edits, as the config file names them, with what they are called on screen.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Keys =
        [("model", "Model file"), ("ctx_size", "Context size"), ("temp", "Temperature")];

    /// <summary>The top-level scalar values of the file; empty when it does not exist.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }
        foreach (var line in File.ReadAllLines(path))
        {
            if (Split(line) is var (key, value))
            {
                values[key] = Unquote(value);
            }
        }
        return values;
    }

    /// <summary>Checks a value typed for <paramref name="key"/>; the message says what is wrong and what is expected.</summary>
    public static string? Problem(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return key switch
        {
            "model" when !File.Exists(value) => $"there is no model file '{value}'; give the path of a .gguf file.",
            "ctx_size" when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 512 =>
                $"the context size must be a whole number of tokens, 512 or more, not '{value}'.",
            "temp" when !float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t < 0 || t > 2 =>
                $"the temperature must be a number from 0 to 2, not '{value}'.",
            _ => null,
        };
    }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, creating the file and its folder when needed.</summary>
    public static void Write(string path, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        var written = $"{key}: {Quote(value)}";
        var at = lines.FindIndex(l => Split(l)?.Key == key);
        if (at >= 0)
        {
            lines[at] = written;
        }
        else
        {
            lines.Add(written);
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllLines(path, lines, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaleForgeException($"could not write {key} to the config file {path}: {e.Message}; check that the folder can be written.");
        }
    }

    /// <summary>A top-level "key: value" line (not indented, not a comment); null for any other line.</summary>
    private static (string Key, string Value)? Split(string line)
    {
        if (line.Length == 0 || char.IsWhiteSpace(line[0]) || line[0] == '#' || line.IndexOf(':', StringComparison.Ordinal) is not (> 0 and var colon))
        {
            return null;
        }
        return (line[..colon].Trim(), line[(colon + 1)..].Trim());
    }

    /// <summary>Numbers stay bare; text is double-quoted with YAML's escapes, so any path reads back as written.</summary>
    private static string Quote(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }
        return value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1].Replace("''", "'", StringComparison.Ordinal) : value;
    }
}
