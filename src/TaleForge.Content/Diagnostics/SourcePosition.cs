namespace TaleForge.Content.Diagnostics;

/// <summary>A place in a world's files: 1-based line and column, or 0 and 0 for a whole file or folder.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public static SourcePosition Whole(string file) => new(file, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
