using TaleForge.Core.Definitions;
using TaleForge.Engine.Episodes;

namespace TaleForge.Engine.Simulation;

/// <summary>One headless play-through to run: its name (the trajectory's file name), the world, and its spec.</summary>
public sealed record Episode(string Name, WorldDefinition World, EpisodeSpec Spec);
