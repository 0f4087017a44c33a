using System.Text.Json.Serialization;

namespace TaleForge.Engine.Simulation;

/// <summary>Where an episode of a run stands, as the run's manifest records it.</summary>
public enum EpisodeStatus
{
    /// <summary>Planned and not begun.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>Begun; a manifest that still says so after the run ended means the process was killed.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("finished")]
    Finished,

    /// <summary>Stopped by an error; the entry says which.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Stopped by Ctrl-C (or another cancellation) before it ended.</summary>
    [JsonStringEnumMemberName("interrupted")]
    Interrupted,
}
