namespace TaleForge.Engine.Simulation;

/// <summary>Where a running episode is, for a progress display; <see cref="Result"/> is set once it has finished.</summary>
public sealed record EpisodeProgress(string Episode, string Scene, int Round, int Events, EpisodeStatus Status, EpisodeResult? Result = null, string? Error = null)
{
    /// <summary>The episode will report nothing more: it finished, failed or was interrupted.</summary>
    public bool Finished => Status is EpisodeStatus.Finished or EpisodeStatus.Failed or EpisodeStatus.Interrupted;
}
