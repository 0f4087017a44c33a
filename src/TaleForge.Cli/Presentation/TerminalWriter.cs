using System.Text;
using TaleForge.Core.Display;

namespace TaleForge.Cli.Presentation;

/// <summary>
/// The writer every command prints through: whatever is written reaches the terminal (or the pipe) with its
/// control characters neutralised by <see cref="TerminalText"/>. Only <see cref="WriteStyledLine"/> passes escape
/// sequences, for the colours TerminalStyle adds around text that is already clean.
/// </summary>
public sealed class TerminalWriter : TextWriter
{
    private TerminalWriter(TextWriter inner, bool isConsole)
    {
        Inner = inner;
        IsConsole = isConsole;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <summary>The writer underneath, unfiltered.</summary>
    public TextWriter Inner { get; }

    /// <summary>Whether this is the process's own standard output or error (colours and Ctrl-C apply).</summary>
    public bool IsConsole { get; }

    public override Encoding Encoding => Inner.Encoding;

    /// <summary>The writer wrapped once: a writer that already filters is returned as it is.</summary>
    public static TerminalWriter Over(TextWriter inner, bool isConsole = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner as TerminalWriter ?? new TerminalWriter(inner, isConsole);
    }

    /// <summary>The unfiltered console under <paramref name="writer"/>, for redrawing a line in place; null when it is not the console.</summary>
    public static TextWriter? ScreenOf(TextWriter writer) => writer is TerminalWriter { IsConsole: true } terminal ? terminal.Inner : null;

    /// <summary>Writes a line whose text the caller has cleaned and styled (colour sequences pass as they are).</summary>
    public void WriteStyledLine(string styled) => Inner.WriteLine(styled);

    public override void Write(char value)
    {
        if (TerminalText.IsUnsafe(value))
        {
            Inner.Write(TerminalText.Clean(value.ToString()));
        }
        else
        {
            Inner.Write(value);
        }
    }

    public override void Write(string? value) => Inner.Write(TerminalText.Clean(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Inner.WriteLine(TerminalText.Clean(value));

    public override Task WriteAsync(string? value) => Inner.WriteAsync(TerminalText.Clean(value));

    public override Task WriteAsync(char value) => Inner.WriteAsync(TerminalText.Clean(value.ToString()));

    public override Task WriteLineAsync(string? value) => Inner.WriteLineAsync(TerminalText.Clean(value));

    public override Task WriteLineAsync() => Inner.WriteLineAsync();

    public override Task WriteAsync(char[] buffer, int index, int count) => WriteAsync(new string(buffer, index, count));

    public override Task WriteLineAsync(char[] buffer, int index, int count) => WriteLineAsync(new string(buffer, index, count));

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        Inner.WriteAsync(TerminalText.Clean(buffer.ToString()).AsMemory(), cancellationToken);

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        Inner.WriteLineAsync(TerminalText.Clean(buffer.ToString()).AsMemory(), cancellationToken);

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync() => Inner.FlushAsync();
}
