using System.Collections.Immutable;
using TaleForge.Engine.Narration;
using TaleForge.Engine.Replay;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Tui.Replay;

/// <summary>
/// Where the replay viewer stands in a trajectory: one branch's records (events, calls, checkpoints) filtered by
/// character and phase, and the record selected. Changing a filter keeps the selection on the same step where that
/// step is still shown, else on the nearest one before it.
/// </summary>
public sealed class ReplayBrowser
{
    private ReplayView _view;

    /// <summary>The line of the record the reader last moved to: filters cycled through keep coming back to it.</summary>
    private int _anchor;

    public ReplayBrowser(TrajectoryFile file, ReplayView? view = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        _view = view ?? new ReplayView();
        Characters = StoryReplay.Characters(file);
        Phases = [.. Branch().Select(PhaseOf).OfType<NarratorPhase>().Distinct().Order()];
        Records = StoryReplay.Records(file, _view);
    }

    public TrajectoryFile File { get; }

    /// <summary>Everyone the trajectory names, for cycling the character filter.</summary>
    public ImmutableSortedSet<string> Characters { get; }

    /// <summary>The phases the branch has records in, for cycling the phase filter.</summary>
    public ImmutableArray<NarratorPhase> Phases { get; }

    /// <summary>The records shown: the branch, filtered.</summary>
    public ImmutableArray<TrajectoryRecord> Records { get; private set; }

    public int Index { get; private set; }

    public TrajectoryRecord? Current => Records.IsEmpty ? null : Records[Index];

    public string? Character => _view.Character;

    public NarratorPhase? Phase => _view.Phase;

    /// <summary>The step the shown branch ends at; null for the main branch.</summary>
    public long? BranchStep => _view.Step;

    /// <summary>Moves the selection by <paramref name="records"/> (negative: back), stopping at either end.</summary>
    public void Move(int records) => MoveTo(Index + records);

    public void MoveTo(int index)
    {
        Index = Records.IsEmpty ? 0 : Math.Clamp(index, 0, Records.Length - 1);
        _anchor = Current?.Line ?? 0;
    }

    /// <summary>Moves to the next (or previous) model call, skipping events: what a prompt inspector steps through.</summary>
    public void MoveToCall(int direction)
    {
        for (var i = Index + Math.Sign(direction); i >= 0 && i < Records.Length; i += Math.Sign(direction))
        {
            if (Records[i] is CallRecord)
            {
                MoveTo(i);
                return;
            }
        }
    }

    /// <summary>The next character filter: everyone, then each character in turn, then everyone again.</summary>
    public void NextCharacter() => Filter(_view with { Character = Next(Characters.ToImmutableArray(), _view.Character) });

    /// <summary>The next phase filter: all phases, then each phase the branch has, then all again.</summary>
    public void NextPhase() => Filter(_view with { Phase = NextPhaseOf(_view.Phase) });

    private NarratorPhase? NextPhaseOf(NarratorPhase? current)
    {
        if (Phases.IsEmpty)
        {
            return null;
        }
        if (current is not { } phase)
        {
            return Phases[0];
        }
        var at = Phases.IndexOf(phase);
        return at + 1 < Phases.Length ? Phases[at + 1] : null;
    }

    private static string? Next(ImmutableArray<string> all, string? current)
    {
        if (all.IsEmpty)
        {
            return null;
        }
        var at = current is null ? -1 : all.IndexOf(current);
        return at + 1 < all.Length ? all[at + 1] : null;
    }

    private void Filter(ReplayView view)
    {
        _view = view;
        Records = StoryReplay.Records(File, _view);
        // Records come in the order they were written: stay on the last one written no later than the one selected.
        var kept = 0;
        for (var i = 0; i < Records.Length && Records[i].Line <= _anchor; i++)
        {
            kept = i;
        }
        Index = kept;
    }

    private IEnumerable<TrajectoryRecord> Branch() => _view.Step is { } step ? File.BranchTo(step) : File.MainBranch();

    internal static NarratorPhase? PhaseOf(TrajectoryRecord record) => record switch
    {
        EventRecord e => e.Phase,
        CallRecord c => c.Phase,
        CheckpointRecord k => k.Narrator.Phase,
        _ => null,
    };
}
