using System.Text.Json;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Evaluation;

/// <summary>A protocol as reports name it: the name the trajectory header writes.</summary>
public static class ProtocolNames
{
    public const string TaleForge = "taleforge";

    public static string Of(EpisodeProtocol protocol) =>
        JsonSerializer.Serialize(protocol, TrajectoryJson.Options).Trim('"');
}
