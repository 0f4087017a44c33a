namespace TaleForge.Engine.Agents;

/// <summary>The narrator's round-end change to the physical environment; null fields stay as they are.</summary>
public sealed record EnvironmentUpdate(string? Description, string? Time);
