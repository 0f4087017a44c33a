using TaleForge.Core;

namespace TaleForge.Inference.Grammar;

/// <summary>
/// A GBNF grammar that llama.cpp would refuse: a syntax error, an undefined or duplicated rule, left recursion,
/// a missing root. <see cref="Line"/> and <see cref="Column"/> (1-based) point at the offending text.
/// </summary>
public sealed class GbnfException : TaleForgeException
{
    public GbnfException(string problem, int line, int column)
        : base($"grammar {line}:{column}: {problem}")
    {
        Problem = problem;
        Line = line;
        Column = column;
    }

    public GbnfException() { }

    public GbnfException(string message) : base(message) { }

    public GbnfException(string message, Exception inner) : base(message, inner) { }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; } = "";

    public int Line { get; }

    public int Column { get; }
}
