using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

public sealed partial class GameSession
{
    // Turns undone, newest last, so redo can bring them back while nothing new has been played.
    private readonly Stack<(Checkpoint Point, List<AppliedEvent> Events)> _undone = new();

    /// <summary>True when there is an earlier player turn to go back to.</summary>
    public bool CanUndo => _checkpoints.Count > 1;

    /// <summary>True when an undone turn can be played back, because nothing else has been played since.</summary>
    public bool CanRedo => _undone.Count > 0;

    /// <summary>
    /// Goes back to the player's previous turn. The undone events stay in the trajectory as a branch: new
    /// events continue from the restored step, and steps are never reused.
    /// </summary>
    public bool Undo()
    {
        if (!CanUndo)
        {
            return false;
        }
        var point = _checkpoints[^1];
        _checkpoints.RemoveAt(_checkpoints.Count - 1);
        var previous = _checkpoints[^1];
        _undone.Push((point, _log.After(previous.LogLength)));
        Restore(previous);
        RecordPosition();
        return true;
    }

    /// <summary>Plays an undone turn back exactly as it went.</summary>
    public bool Redo()
    {
        if (!CanRedo)
        {
            return false;
        }
        var (point, events) = _undone.Pop();
        _log.AddRange(events);
        _checkpoints.Add(point);
        Restore(point);
        RecordPosition();
        return true;
    }

    /// <summary>
    /// Returns to the last point where play waited for the player, dropping anything begun since: what an
    /// interrupted generation leaves behind. Events already written to the trajectory stay there as a branch.
    /// </summary>
    public void Rewind()
    {
        if (_checkpoints.Count > 0)
        {
            Restore(_checkpoints[^1]);
            RecordPosition();
        }
    }

    private void MarkCheckpoint()
    {
        if (_checkpoints.Count > 0 && _checkpoints[^1].LogLength == _log.Count)
        {
            return;
        }
        _checkpoints.Add(new Checkpoint(_log.Count, _head, State, Narrator));
        RecordPosition();
    }

    /// <summary>Tells the record where play now stands: the autosave after a turn, an undo or a redo.</summary>
    private void RecordPosition() => Options.Trajectory?.Checkpoint(_head ?? -1, _head, Narrator, _nextStep, State);

    /// <summary>Something new is played: what was undone can no longer be redone.</summary>
    private void ForgetUndone() => _undone.Clear();

    private void Restore(Checkpoint checkpoint)
    {
        _log.Truncate(checkpoint.LogLength);
        _head = checkpoint.Head;
        State = checkpoint.State;
        Become(checkpoint.Narrator);
        _observations.Restore(_log);
    }
}
