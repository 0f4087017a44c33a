using TaleForge.Core;

namespace TaleForge.Content.Importers.Cards;

/// <summary>A card or lorebook file that cannot be imported: the message starts with the file and says what is wrong and what to do.</summary>
public sealed class CardImportException : TaleForgeException
{
    public CardImportException(string file, string problem) : base($"{file}: {problem}") => File = file;
    public CardImportException() : this("", "the file cannot be imported") { }
    public CardImportException(string message) : base(message) => File = "";
    public CardImportException(string message, Exception inner) : base(message, inner) => File = "";

    /// <summary>The file the problem was found in.</summary>
    public string File { get; }
}
