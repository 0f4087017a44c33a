using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>Turns a JSON syntax error into a message with the line and column an editor shows.</summary>
internal static partial class JsonSyntax
{
    public static CharacterBoxImportException Problem(string json, string sourceName, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var column = Column(json, line, (int)(e.BytePositionInLine ?? 0));
        var reason = Position().Replace(e.Message, "").Trim();
        var message = json.Trim().Length == 0
            ? "the file is empty; a CharacterBox file is {\"title\": ..., \"scenes\": [...]}"
            : $"the file is not valid JSON: {reason} Fix it at this line and column and import again.";
        return new CharacterBoxImportException(sourceName, message, line + 1, column);
    }

    /// <summary>The reader counts bytes along the line; editors count characters.</summary>
    private static int Column(string json, int line, int bytes)
    {
        var start = 0;
        for (var i = 0; i < line && start >= 0; i++)
        {
            start = json.IndexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }
        if (start < 0)
        {
            return bytes + 1;
        }
        var end = json.IndexOf('\n', start);
        var text = json.AsSpan(start, (end < 0 ? json.Length : end) - start);
        var characters = 0;
        var counted = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (counted >= bytes)
            {
                break;
            }
            counted += rune.Utf8SequenceLength;
            characters += rune.Utf16SequenceLength;
        }
        return characters + 1;
    }

    // The reader appends its own position ("Path: $.x | LineNumber: 3 | BytePositionInLine: 7."); ours replaces it.
    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$")]
    private static partial Regex Position();
}
