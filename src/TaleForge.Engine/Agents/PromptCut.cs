namespace TaleForge.Engine.Agents;

/// <summary>
/// What was left out of a prompt so that it fit the model's context: how many observations (memories, or the
/// round's events the narrator is shown) and how many prompt tokens, against the fullest prompt the call would
/// have sent. Recorded on the call, so no cut is silent.
/// </summary>
public sealed record PromptCut(int Observations, int Tokens);
