using TaleForge.Core;

namespace TaleForge.Content.Diagnostics;

/// <summary>Thrown to callers that want a world or nothing; carries every problem found.</summary>
public sealed class WorldLoadException : TaleForgeException
{
    public WorldLoadException(string path, IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(path, diagnostics))
    {
        Path = path;
        Diagnostics = diagnostics;
    }

    public WorldLoadException() : this("", []) { }
    public WorldLoadException(string message) : base(message) { Path = ""; Diagnostics = []; }
    public WorldLoadException(string message, Exception inner) : base(message, inner) { Path = ""; Diagnostics = []; }

    public string Path { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(string path, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var lines = errors.Take(10).Select(d => $"  {d}");
        var more = errors.Count > 10 ? [$"  ... and {errors.Count - 10} more"] : Array.Empty<string>();
        return string.Join(
            Environment.NewLine,
            [$"the world at {path} has {errors.Count} error(s):", .. lines, .. more, $"run 'taleforge validate {path}' for hints"]);
    }
}
