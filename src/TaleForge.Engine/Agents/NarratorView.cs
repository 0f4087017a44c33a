using System.Collections.Immutable;
using TaleForge.Core.State;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Agents;

/// <summary>The narrator sees everything: the world as it is, this round's events as they were applied and told, and the story so far.</summary>
public sealed record NarratorView(WorldState State, ImmutableArray<AppliedEvent> Round, string StorySoFar);
