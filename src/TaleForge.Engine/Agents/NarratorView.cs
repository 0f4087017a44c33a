using System.Collections.Immutable;
using TaleForge.Core.State;
using TaleForge.Engine.Session;

namespace TaleForge.Engine.Agents;

/// <summary>The narrator sees everything: the world as it is, this round's events, and the story so far.</summary>
public sealed record NarratorView(WorldState State, ImmutableArray<LogEntry> Round, string StorySoFar);
