namespace TaleForge.Content.Diagnostics;

/// <summary>An error stops a world from loading; a warning points at something probably unintended.</summary>
public enum Severity
{
    Error,
    Warning,
}
