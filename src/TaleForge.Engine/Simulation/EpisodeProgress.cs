namespace TaleForge.Engine.Simulation;

/// <summary>Where a running episode is, for a progress display.</summary>
public sealed record EpisodeProgress(string Episode, string Scene, int Round, int Events, bool Finished);
