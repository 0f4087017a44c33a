using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Agents;

/// <summary>
/// Identifies one decision request: its step in the trajectory, the role asking (e.g. "character:mara",
/// "narrator"), the phase, and the seed derived for it, so every call can be recorded and re-run.
/// </summary>
public sealed record AgentCall(long Step, string Role, NarratorPhase Phase, long Seed)
{
    public static string CharacterRole(string id) => $"character:{id}";
    public const string NarratorRole = "narrator";
    public const string DirectorRole = "director";
}
