using TaleForge.Core.State;

namespace TaleForge.Engine.Memory;

/// <summary>Something a character perceived, in words, with when it happened and how much it mattered.</summary>
public sealed record Observation(long Step, GameTime Time, int Round, string Text, double Importance);
