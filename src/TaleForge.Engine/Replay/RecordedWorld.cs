using TaleForge.Content.Opening;
using TaleForge.Core.Definitions;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>
/// The world a trajectory was played in, opened the one way every verb opens a recorded world
/// (<see cref="WorldRecording.Open"/>): from where its header says it came from, beside the trajectory, or from a
/// copy the user names, and checked against the recorded content hash.
/// </summary>
public static class RecordedWorld
{
    /// <summary>What the header of <paramref name="trajectory"/> records about its world.</summary>
    public static WorldRecording Of(TrajectoryFile trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return trajectory.Header.World.RecordedIn(trajectory.Path);
    }

    /// <param name="trajectory">The trajectory; a relative source is looked for beside it too.</param>
    /// <param name="path">A world folder or file to use instead of the recorded source (--world); its hash must still match.</param>
    /// <remarks>The recording's player must be one of the world's characters.</remarks>
    public static OpenedWorld Open(TrajectoryFile trajectory, string? path = null)
    {
        var opened = Of(trajectory).Open(path);
        trajectory.CheckPlayerIn(opened.Definition);
        return opened;
    }

    /// <summary>The definition of the world <see cref="Open"/> finds, for the verbs that need nothing else.</summary>
    public static WorldDefinition Load(TrajectoryFile trajectory, string? path = null) => Open(trajectory, path).Definition;
}
