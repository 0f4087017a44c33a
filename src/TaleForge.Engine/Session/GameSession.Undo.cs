namespace TaleForge.Engine.Session;

public sealed partial class GameSession
{
    /// <summary>True when there is an earlier player turn to go back to.</summary>
    public bool CanUndo => _checkpoints.Count > 1;

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
        _checkpoints.RemoveAt(_checkpoints.Count - 1);
        Restore(_checkpoints[^1]);
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
        }
    }

    private void MarkCheckpoint()
    {
        if (_checkpoints.Count > 0 && _checkpoints[^1].LogLength == _log.Count)
        {
            return;
        }
        _checkpoints.Add(new Checkpoint(_log.Count, _head, State, Narrator));
        Options.Trajectory?.Checkpoint(_head ?? -1, _head, Narrator, _nextStep);
    }

    private void Restore(Checkpoint checkpoint)
    {
        _log.RemoveRange(checkpoint.LogLength, _log.Count - checkpoint.LogLength);
        _head = checkpoint.Head;
        State = checkpoint.State;
        Narrator = checkpoint.Narrator;
        _observations.Clear();
        var state = Core.State.WorldState.Initial(State.World);
        foreach (var entry in _log)
        {
            state = state.Apply(entry.Event);
            _observations.Add(entry, state);
        }
    }
}
