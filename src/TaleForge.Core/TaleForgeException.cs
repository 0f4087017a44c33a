namespace TaleForge.Core;

/// <summary>
/// An error caused by what the user gave us (a file, a flag, a model), not by a bug. Its message says what
/// was wrong, where, and what to do; the command line prints it without a stack trace.
/// </summary>
public class TaleForgeException : Exception
{
    public TaleForgeException(string message) : base(message) { }
    public TaleForgeException(string message, Exception inner) : base(message, inner) { }
    public TaleForgeException() { }

    /// <summary>The process exit code to report; 1 unless a command says otherwise.</summary>
    public int ExitCode { get; init; } = 1;
}
