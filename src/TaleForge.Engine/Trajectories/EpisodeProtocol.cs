using System.Text.Json.Serialization;

namespace TaleForge.Engine.Trajectories;

/// <summary>The round pipeline an episode is played by; today's is the only one.</summary>
public enum EpisodeProtocol
{
    /// <summary>TaleForge's own pipeline: typed decisions checked by the rules, reactions that may speak, the director off the model under test.</summary>
    [JsonStringEnumMemberName("taleforge")]
    TaleForge,
}
