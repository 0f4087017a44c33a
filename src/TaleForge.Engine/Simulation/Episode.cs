using TaleForge.Core.Definitions;
using TaleForge.Engine.Episodes;

namespace TaleForge.Engine.Simulation;

/// <summary>
/// One headless play-through to run: its name (the trajectory's path under the run's folder, without ".jsonl";
/// "work/scene/seed-1" in a dataset run), the world, and its spec.
/// </summary>
public sealed record Episode(string Name, WorldDefinition World, EpisodeSpec Spec)
{
    /// <summary>The trajectory's path relative to the run's folder, with '/' between folders.</summary>
    public string Trajectory => Name + ".jsonl";
}
