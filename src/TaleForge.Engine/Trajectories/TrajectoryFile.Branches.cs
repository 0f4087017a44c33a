using System.Collections.Immutable;
using TaleForge.Core;

namespace TaleForge.Engine.Trajectories;

public sealed partial class TrajectoryFile
{
    private Dictionary<long, long?>? _callOwners;

    /// <summary>
    /// Every record of one branch, in the order written: the events on the path to <paramref name="step"/>, the
    /// model calls and human decisions that led to them, and the checkpoints along the way. Records of other
    /// branches (undone turns, retries) are left out. A step that is not an event ends the branch at that record.
    /// </summary>
    public ImmutableArray<TrajectoryRecord> BranchTo(long step)
    {
        var target = Records.FirstOrDefault(r => r.Step == step && r is not CheckpointRecord)
            ?? throw new TaleForgeException(
                $"{Path} has no step {step}; its steps run from {Records.Select(r => r.Step).DefaultIfEmpty(0).Min()} to {Records.Select(r => r.Step).DefaultIfEmpty(0).Max()}.");
        if (target is EventRecord)
        {
            return Select(step);
        }
        // A branch that ends at a call: the path to where it was made, then the calls made there on the way to
        // the same outcome, up to that call.
        var owners = CallOwners();
        var owner = owners.GetValueOrDefault(target.Step);
        return [.. Select(target.Parent).Where(r => r.Line <= target.Line)
            .Concat(Records.OfType<CallRecord>().Where(c => c.Parent == target.Parent && owner is not null && owners[c.Step] == owner && c.Line <= target.Line))
            .Distinct()
            .OrderBy(r => r.Line)];
    }

    /// <summary>The branch that ends at the last event written: what was played last, and what a save resumes.</summary>
    public ImmutableArray<TrajectoryRecord> MainBranch() => Select(LastEvent?.Step);

    private ImmutableArray<TrajectoryRecord> Select(long? end)
    {
        var path = end is { } last ? PathTo(last).Select(e => e.Step).ToHashSet() : [];
        var owners = CallOwners();
        var branch = ImmutableArray.CreateBuilder<TrajectoryRecord>();
        // A checkpoint written right after another branch's events (an undo returning here) tells of leaving that
        // branch, not of this one; this branch has its own checkpoint at the same point from when play stood there.
        var lastEventOnPath = true;
        foreach (var record in Records)
        {
            var included = record switch
            {
                EventRecord e => lastEventOnPath = path.Contains(e.Step),
                CallRecord c => owners[c.Step] is { } owner ? path.Contains(owner) : c.Parent == end,
                CheckpointRecord k => lastEventOnPath && (k.Parent is not { } at || path.Contains(at)),
                _ => false,
            };
            if (included)
            {
                branch.Add(record);
            }
        }
        return branch.ToImmutable();
    }

    /// <summary>
    /// For each call, the event it led to: the next event written after it, when that event continues from the
    /// same point. A call followed by an event from elsewhere was abandoned (undo, or an interrupted turn); it
    /// belongs only to a branch that ends where it was made.
    /// </summary>
    private Dictionary<long, long?> CallOwners()
    {
        if (_callOwners is not null)
        {
            return _callOwners;
        }
        var owners = new Dictionary<long, long?>();
        EventRecord? next = null;
        for (var i = Records.Length - 1; i >= 0; i--)
        {
            switch (Records[i])
            {
                case EventRecord e:
                    next = e;
                    break;
                case CallRecord c:
                    owners[c.Step] = next is not null && next.Parent == c.Parent ? next.Step : null;
                    break;
            }
        }
        return _callOwners = owners;
    }
}
