namespace TaleForge.Engine.Simulation;

/// <summary>What a finished episode produced, for the run's summary.</summary>
public sealed record EpisodeResult(
    string Name,
    string Trajectory,
    int Events,
    int ModelCalls,
    int FailedCalls,
    int Rounds,
    string Ending,
    TimeSpan Wall,
    TimeSpan ModelTime);
