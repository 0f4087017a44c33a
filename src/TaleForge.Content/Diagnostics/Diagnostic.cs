namespace TaleForge.Content.Diagnostics;

/// <summary>
/// One problem in a world: where it is (<see cref="Line"/> and <see cref="Column"/> are 1-based; 0 when the
/// problem concerns a whole folder), what is wrong (<see cref="Message"/>) and how to fix it (<see cref="Hint"/>).
/// </summary>
public sealed record Diagnostic(
    Severity Severity,
    string File,
    int Line,
    int Column,
    string Code,
    string Message,
    string Hint)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The <c>file:line:col</c> part; just the file when there is no position.</summary>
    public string Location => Line > 0 ? $"{File}:{Line}:{Column}" : File;

    /// <summary>The compiler-style line editors and terminals recognise: <c>file:line:col: error CODE: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
