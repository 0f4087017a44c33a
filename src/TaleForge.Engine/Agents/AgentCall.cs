using TaleForge.Engine.Narration;
using TaleForge.Inference.Calls;
using TaleForge.Inference.Seeds;

namespace TaleForge.Engine.Agents;

/// <summary>
/// Identifies one decision request: its step in the trajectory, the role asking (a character, the narrator),
/// the phase, and the seed derived for it, so every call can be recorded and re-run.
/// </summary>
public sealed record AgentCall(long Step, Role Role, NarratorPhase Phase, long Seed)
{
    /// <summary>The call at <paramref name="step"/>, seeded from the episode's seed, the step and the role.</summary>
    public static AgentCall Seeded(long episodeSeed, long step, Role role, NarratorPhase phase) =>
        new(step, role, phase, SeedDerivation.Derive(episodeSeed, step, InferenceLabel(role)));

    /// <summary>
    /// The call for a further question within the same decision (the line asked after the action), with its own
    /// step and seed from the session; null where no session hands out steps. Never recorded.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<AgentCall>? FollowUp { get; init; }

    /// <summary>The next call of this decision: the session's, or else one seeded apart at the same step.</summary>
    public AgentCall Next() => FollowUp?.Invoke() ?? this with { Seed = SeedDerivation.Derive(Seed, Step, "follow-up") };

    /// <summary>What the inference decorators see of this call: they seed and label it by the role's string.</summary>
    public ModelCallContext Context => new(InferenceLabel(Role), Step);

    public bool Equals(AgentCall? other) =>
        other is not null && Step == other.Step && Role == other.Role && Phase == other.Phase && Seed == other.Seed;

    public override int GetHashCode() => HashCode.Combine(Step, Role, Phase, Seed);

    // Inference cannot know the engine's Role, so a role crosses into it as its string form; seeds are derived
    // from that string, so it is written here only, the same way for seeding and for labelling.
    private static string InferenceLabel(Role role) => role.ToString();
}
