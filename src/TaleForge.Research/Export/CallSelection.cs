using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>
/// Which model calls become training data: accepted replies (a refused or failed reply teaches nothing as an
/// answer) made by a model (a person's decisions have no prompt), on the main branch (the story as kept), of the
/// roles asked for: "character" (every character), "character:ID", "narrator", "director", or "all".
/// </summary>
public sealed record CallSelection(string Roles)
{
    public static CallSelection Characters { get; } = new("character");
    public static CallSelection All { get; } = new("all");

    public bool Includes(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.ByModel && (Roles == "all" || call.Role == Roles || call.Role.StartsWith(Roles + ":", StringComparison.Ordinal));
    }

    /// <summary>The accepted model calls of these roles on the trajectory's main branch, in order.</summary>
    public IEnumerable<CallRecord> From(TrajectoryFile trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        return trajectory.MainBranch().OfType<CallRecord>().Where(c => c.Parsed is not null && c.Failure is null && Includes(c));
    }

    /// <summary>The prompt as one text, system part first, as an instruction-tuning record holds it.</summary>
    public static string Instruction(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return string.Join("\n\n", call.Prompt.Select(m => m.Text));
    }

    /// <summary>A stable id for a record made from a call: the trajectory's file name and the step.</summary>
    public static string Id(TrajectoryFile trajectory, CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(call);
        return $"{Path.GetFileNameWithoutExtension(trajectory.Path)}#{call.Step}";
    }
}
