namespace TaleForge.Core.State;

/// <summary>
/// One entry in a character's memory stream, as in Generative Agents: what it perceived or concluded, how much
/// it mattered (0-1), and when, so retrieval can weigh importance, recency and relevance.
/// </summary>
public sealed record Memory(string Text, double Importance, GameTime Time, MemoryKind Kind);

public enum MemoryKind
{
    Observation,
    Reflection,
}
