using System.Collections.Immutable;
using TaleForge.Engine.Agents.Candidates;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Episodes;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Backends;

namespace TaleForge.Cli.Models;

/// <summary>A cast together with the model backends it uses; disposing it unloads the models.</summary>
public sealed class LoadedCast(
    Cast cast, string description, ImmutableArray<ModelReference> models, Sampling sampling, IReadOnlyList<IModelBackend> backends, PromptSet? prompts = null) : IAsyncDisposable
{
    public Cast Cast { get; } = cast;

    /// <summary>One line for the player: which models play which roles.</summary>
    public string Description { get; } = description;

    /// <summary>The model of each role, as the episode spec records them.</summary>
    public ImmutableArray<ModelReference> Models { get; } = models;

    /// <summary>The templates the cast's model agents word their questions with.</summary>
    public PromptSet Prompts { get; } = prompts ?? PromptSet.BuiltIn;

    /// <summary>What every role samples with.</summary>
    public Sampling Sampling { get; } = sampling;

    /// <summary>The episode this cast plays in <paramref name="world"/> with <paramref name="seed"/>; limits and start scene are the caller's.</summary>
    public EpisodeSpec Spec(WorldReference world, long seed) => new()
    {
        World = world,
        Player = Cast.Player,
        Models = Models,
        Sampling = Sampling,
        Seed = seed,
        Director = Cast.Director,
        Deterministic = backends.All(b => b.Capabilities.Deterministic),
        Candidates = Candidates,
        Prompts = Models.IsEmpty ? null : Prompts.Description,
    };

    /// <summary>Turns sampled per character turn, as the cast's characters sample them.</summary>
    public int Candidates => Cast.Characters.Values.OfType<CandidateTurns>().FirstOrDefault()?.Count ?? 1;

    public ValueTask DisposeAsync()
    {
        foreach (var backend in backends)
        {
            backend.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
