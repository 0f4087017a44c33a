using System.Collections.Immutable;

namespace TaleForge.Core.State;

/// <summary>The scene being played: its round, its environment as it now is, and what has fired in it.</summary>
public sealed record SceneState
{
    public required string Id { get; init; }

    /// <summary>0 while the opening is played; 1 and up once rounds begin.</summary>
    public int Round { get; init; }

    /// <summary>The physical environment as it is now; starts as the scene's description.</summary>
    public string Environment { get; init; } = "";

    /// <summary>In-story time as prose.</summary>
    public string Time { get; init; } = "";

    public ImmutableHashSet<string> FiredTriggers { get; init; } = ImmutableHashSet<string>.Empty;

    public bool Equals(SceneState? other) =>
        other is not null && Id == other.Id && Round == other.Round && Environment == other.Environment
        && Time == other.Time && FiredTriggers.SetEquals(other.FiredTriggers);

    public override int GetHashCode() => HashCode.Combine(Id, Round);
}
