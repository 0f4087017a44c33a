using System.Collections.Immutable;

namespace TaleForge.Engine.Agents;

/// <summary>A decision, or none, with the model calls made to reach it (none for authored decisions).</summary>
public sealed record AgentResult<T>(T? Value, ImmutableArray<ModelCall> Calls)
{
    public static AgentResult<T> Authored(T? value) => new(value, []);
}
