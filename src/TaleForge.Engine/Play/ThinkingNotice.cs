namespace TaleForge.Engine.Play;

/// <summary>A character played by a model is deciding what to do: who, and the notice in the world's language ("Maud is thinking…").</summary>
public sealed record ThinkingNotice(string Character, string Name, string Text);
