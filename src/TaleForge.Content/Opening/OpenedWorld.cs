using TaleForge.Core.Definitions;

namespace TaleForge.Content.Opening;

/// <summary>A world as opened from its source: where it came from, the definition, and its content hash.</summary>
public sealed record OpenedWorld(WorldSource Source, WorldDefinition Definition, string Hash);
