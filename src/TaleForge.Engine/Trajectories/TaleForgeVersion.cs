using System.Reflection;

namespace TaleForge.Engine.Trajectories;

/// <summary>
/// The version of TaleForge that is running, as a header's <c>taleforge</c> names it. Every TaleForge assembly is
/// built with the same version, so the engine's own is the program's.
/// </summary>
public static class TaleForgeVersion
{
    /// <summary>"0.1.0": the informational version without its source revision, else the assembly version.</summary>
    public static string Running { get; } =
        typeof(TaleForgeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(TaleForgeVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
