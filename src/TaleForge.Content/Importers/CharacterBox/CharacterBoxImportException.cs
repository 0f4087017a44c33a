using TaleForge.Core;

namespace TaleForge.Content.Importers.CharacterBox;

/// <summary>
/// A CharacterBox file that cannot be imported: the message starts with the file (and line and column for JSON
/// syntax), says what is wrong and where in the work, and what to do.
/// </summary>
public sealed class CharacterBoxImportException : TaleForgeException
{
    public CharacterBoxImportException(string sourceName, string message, int? line = null, int? column = null)
        : base(line is { } l ? $"{sourceName}:{l}:{column ?? 1}: {message}" : $"{sourceName}: {message}")
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
    }

    public CharacterBoxImportException() : this("", "the CharacterBox file cannot be imported") { }
    public CharacterBoxImportException(string message) : base(message) { SourceName = ""; }
    public CharacterBoxImportException(string message, Exception inner) : base(message, inner) { SourceName = ""; }

    /// <summary>The file (or name) the JSON came from.</summary>
    public string SourceName { get; }

    /// <summary>1-based line and column of a JSON syntax error; null for problems with the content.</summary>
    public int? Line { get; }
    public int? Column { get; }
}
