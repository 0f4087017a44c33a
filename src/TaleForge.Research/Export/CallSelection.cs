using TaleForge.Core;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>
/// Which model calls become training data: accepted replies (a refused or failed reply teaches nothing as an
/// answer) made by a model (a person's decisions have no prompt), on the main branch (the story as kept), of the
/// roles asked for: every character, one role (a character, the narrator, the director), or all.
/// </summary>
public sealed record CallSelection
{
    private CallSelection(string name, Func<Role, bool> includes)
    {
        Name = name;
        _includes = includes;
    }

    private readonly Func<Role, bool> _includes;

    /// <summary>How the selection was asked for ("character", "character:ID", "narrator", "director", "all").</summary>
    public string Name { get; }

    public static CallSelection Characters { get; } = new("character", role => role.Kind == RoleKind.Character);
    public static CallSelection All { get; } = new("all", _ => true);

    /// <summary>The calls of one role alone.</summary>
    public static CallSelection Of(Role role) => new(role.ToString(), candidate => candidate == role);

    /// <summary>Reads "character", "character:ID", "narrator", "director" or "all".</summary>
    public static CallSelection Parse(string roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles switch
        {
            "all" => All,
            "character" => Characters,
            _ when Role.TryParse(roles) is { Kind: RoleKind.Character or RoleKind.Narrator or RoleKind.Director } role => Of(role),
            _ => throw new TaleForgeException($"--role '{roles}' is not a role; use character, character:ID, narrator, director or all."),
        };
    }

    public bool Includes(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.ByModel && _includes(call.Role);
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
