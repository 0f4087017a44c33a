using System.Text.Json.Serialization;

namespace TaleForge.Engine.Trajectories;

/// <summary>The round pipeline an episode is played by.</summary>
public enum EpisodeProtocol
{
    /// <summary>TaleForge's own pipeline: typed decisions checked by the rules, reactions that may speak, the director off the model under test.</summary>
    [JsonStringEnumMemberName("taleforge")]
    TaleForge,

    /// <summary>
    /// Settings as CharacterBox's code runs its pipeline: three rounds, the director every round, temperature 0.5
    /// for every role (see docs/characterbox.md for what matches and what still differs).
    /// </summary>
    [JsonStringEnumMemberName("characterbox")]
    CharacterBox,
}
