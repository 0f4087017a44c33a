namespace TaleForge.Core.Narration;

/// <summary>Who a sentence is about, as the reader sees them: by name, or as "you".</summary>
public readonly record struct Subject(string Name, bool IsYou);
