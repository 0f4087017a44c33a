using TaleForge.Core;

namespace TaleForge.LlamaCpp.Gguf;

/// <summary>A model file that llama.cpp must not see: its message names the file, what is wrong and what to do.</summary>
public sealed class InvalidModelFileException : TaleForgeException
{
    public InvalidModelFileException(string path, string problem)
        : base($"Model file '{path}' is not a usable GGUF model: {problem}. Download it again or choose another file.")
    {
        FilePath = path;
        Problem = problem;
    }

    public InvalidModelFileException() { }

    public InvalidModelFileException(string message) : base(message) { }

    public InvalidModelFileException(string message, Exception inner) : base(message, inner) { }

    public string FilePath { get; } = "";

    public string Problem { get; } = "";
}
