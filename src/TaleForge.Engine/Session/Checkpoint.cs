using TaleForge.Core.State;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

/// <summary>A point where play waited for the player: what undo returns to.</summary>
internal sealed record Checkpoint(int LogLength, long? Head, WorldState State, NarratorState Narrator);
