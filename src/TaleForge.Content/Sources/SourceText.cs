using System.Buffers;
using System.Text;
using System.Text.Unicode;
using TaleForge.Content.Diagnostics;

namespace TaleForge.Content.Sources;

/// <summary>Turns a file's bytes into text, refusing what is not UTF-8 text: other encodings, invalid bytes, binary data.</summary>
public static class SourceText
{
    /// <summary>Decodes <paramref name="bytes"/>, or reports why not and returns null.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            diagnostics.Error(new SourcePosition(file, 1, 1), DiagnosticCodes.InvalidUtf8,
                "the file is UTF-16, not UTF-8", "save the file as UTF-8 (without a byte order mark)");
            return null;
        }

        if (bytes.IsEmpty)
        {
            diagnostics.Error(new SourcePosition(file, 1, 1), DiagnosticCodes.EmptyFile,
                "the file is empty", "start it with 'spec: taleforge/world@1', or delete it");
            return null;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Error(PositionOf(bytes, nul, file), DiagnosticCodes.BinaryData,
                "the file contains a NUL byte, so it is binary data, not YAML text",
                "world files must be plain UTF-8 text; check that the right file is in the world folder");
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                diagnostics.Error(PositionOf(bytes, read, file), DiagnosticCodes.InvalidUtf8,
                    $"the file is not valid UTF-8: byte 0x{bytes[read]:X2} at offset {read} does not start or continue a character",
                    "save the file as UTF-8; a Latin-1 or Windows-1252 editor setting is the usual cause");
                return null;
            }

            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Refuses text no world file should hold: control characters (binary data) and the line separators that YAML
    /// readers count as line breaks while editors do not, which would put every later position on the wrong line.
    /// </summary>
    public static bool Check(SourceFile file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = file.Text;
        var separator = text.AsSpan().IndexOfAny('\u0085', '\u2028', '\u2029');
        if (separator >= 0)
        {
            var (line, column) = LineAndColumn(text, separator);
            diagnostics.Error(new SourcePosition(file.Path, line, column), DiagnosticCodes.BinaryData,
                $"the file contains the line separator U+{(int)text[separator]:X4}, which YAML readers count as a line break and editors do not",
                "replace it with an ordinary line break; inside double quotes it can be written as \\u2028");
            return false;
        }
        var control = FirstControlCharacter(text);
        if (control >= 0)
        {
            var (line, column) = LineAndColumn(text, control);
            diagnostics.Error(new SourcePosition(file.Path, line, column), DiagnosticCodes.BinaryData,
                text[control] == '\0'
                    ? "the file contains a NUL byte, so it is binary data, not YAML text"
                    : $"the file contains the control character U+{(int)text[control]:X4}, so it is binary data, not YAML text",
                "remove the character; world files may contain tabs and line breaks but no other control characters");
            return false;
        }
        return true;
    }

    private static int FirstControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F')
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The 1-based line and column of a character offset in text.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var before = text.AsSpan(0, Math.Min(offset, text.Length));
        var lastBreak = before.LastIndexOf('\n');
        return (before.Count('\n') + 1, offset - lastBreak);
    }

    private static SourcePosition PositionOf(ReadOnlySpan<byte> bytes, int offset, string file)
    {
        var prefix = bytes[..offset];
        var lastBreak = prefix.LastIndexOf((byte)'\n');
        var lineStart = prefix[(lastBreak + 1)..];
        // The prefix before a bad byte is valid, so its characters can be counted for the column.
        var column = Encoding.UTF8.GetCharCount(lineStart) + 1;
        return new SourcePosition(file, prefix.Count((byte)'\n') + 1, column);
    }
}
