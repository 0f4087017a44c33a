namespace TaleForge.Core.Phrasing;

/// <summary>Who a sentence is about, as the reader sees them: by name, or as "you".</summary>
public readonly record struct Subject(string Name, bool IsYou);
