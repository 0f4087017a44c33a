namespace TaleForge.Engine.Narration;

/// <summary>
/// What a phase leaves behind: the narrator's state after its work, and the trigger that moves the machine on
/// (none while play waits for the human). The pipeline computes it; only the session writes it.
/// </summary>
internal sealed record PhaseOutcome(NarratorTrigger? Trigger, NarratorState Narrator);
