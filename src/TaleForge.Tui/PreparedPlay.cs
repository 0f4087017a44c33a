namespace TaleForge.Tui;

/// <summary>A play made ready while the full-screen game showed it loading, and what the screen shows besides.</summary>
public sealed record PreparedPlay(ScreenPlay Play, ScreenOptions Options);
