namespace TaleForge.Content.Sources;

/// <summary>
/// The decoded text of one world file. <see cref="Path"/> is what diagnostics show (the world folder as the
/// user named it, joined with the file's place in it); <see cref="RelativePath"/> uses '/' whatever the system.
/// </summary>
public sealed record SourceFile(string Path, string RelativePath, string Text);
