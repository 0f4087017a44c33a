using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Agents;

/// <summary>
/// Identifies one decision request: its step in the trajectory, the role asking (a character, the narrator),
/// the phase, and the seed derived for it, so every call can be recorded and re-run.
/// </summary>
public sealed record AgentCall(long Step, Role Role, NarratorPhase Phase, long Seed)
{
    public static Role CharacterRole(string id) => Role.Character(id);
    public static Role NarratorRole => Role.Narrator;
    public static Role DirectorRole => Role.Director;
}
