namespace TaleForge.Engine.Agents;

/// <summary>What a character is reacting to: who acted, what they did and said, and how it affects this character.</summary>
public sealed record ReactionCue(string ActorId, string ActorName, string Action, string? Dialogue, string Impact);
