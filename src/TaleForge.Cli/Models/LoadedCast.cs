using System.Collections.Immutable;
using TaleForge.Engine.Session;
using TaleForge.Engine.Trajectories;
using TaleForge.LlamaCpp.Chat;

namespace TaleForge.Cli.Models;

/// <summary>A cast together with the model clients it uses; disposing it unloads the models.</summary>
public sealed class LoadedCast(Cast cast, string description, ImmutableArray<ModelReference> models, IReadOnlyList<LlamaChatClient> clients) : IAsyncDisposable
{
    public Cast Cast { get; } = cast;

    /// <summary>One line for the player: which models play which roles.</summary>
    public string Description { get; } = description;

    /// <summary>The model files, as the trajectory header records them.</summary>
    public ImmutableArray<ModelReference> Models { get; } = models;

    public ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
