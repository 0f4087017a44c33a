namespace TaleForge.Core.Definitions;

/// <summary>Scenery: something in a location that can be examined by name but not taken.</summary>
public sealed record DetailDefinition(string Name, string Text);
