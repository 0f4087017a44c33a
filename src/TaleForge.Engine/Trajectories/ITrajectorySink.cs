using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Trajectories;

/// <summary>Where a session writes its record: events, model calls, and the points a player can return to.</summary>
public interface ITrajectorySink
{
    /// <summary>An event as it was applied, with its observers, the states around it and its text per viewer.</summary>
    void Event(AppliedEvent applied);

    void ModelCall(ModelCall call, long? parent, string scene, int round);

    /// <summary>A point where play waits for the player: enough to restore the session exactly there.</summary>
    /// <param name="nextStep">The step the session will number its next record with, so a resumed session continues identically.</param>
    /// <param name="state">The world state at the checkpoint (after an undo, the restored one).</param>
    void Checkpoint(long step, long? parent, NarratorState narrator, long nextStep, WorldState state);
}
