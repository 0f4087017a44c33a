using System.Collections.Concurrent;
using System.Collections.Immutable;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;

namespace TaleForge.Engine.Narration;

/// <summary>
/// One event as it was applied: where it sits in the log, who perceived it, the state before and after, and its
/// text as each viewer reads it. Every sink and view receives this one value, so the state is folded once and
/// each sentence is rendered once (on first request, per viewer) however many readers there are.
/// </summary>
public sealed class AppliedEvent
{
    // Keyed by viewer id, "" for the narrator's own telling; a miss renders, a hit reuses.
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);

    public AppliedEvent(LogEntry entry, WorldState before, WorldState after)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Entry = entry;
        Before = before;
        After = after;
    }

    /// <summary>The event with its step, parent, scene, round, phase, time, actor and observers.</summary>
    public LogEntry Entry { get; }

    public WorldState Before { get; }
    public WorldState After { get; }

    public WorldEvent Event => Entry.Event;
    public long Step => Entry.Step;
    public long? Parent => Entry.Parent;
    public string Scene => Entry.Scene;
    public int Round => Entry.Round;
    public NarratorPhase Phase => Entry.Phase;
    public string? Actor => Entry.Actor;
    public ObservedEvent Observed => Entry.Observed;
    public ImmutableArray<string> Observers => Entry.Observed.Observers;

    /// <summary>The event as the narrator tells it to an outside reader; null for bookkeeping events.</summary>
    public string? Narration => TextFor(null);

    /// <summary>The event as <paramref name="viewer"/> reads it ("You take the lantern."); null viewer: the narrator's telling.</summary>
    public string? TextFor(string? viewer) => _texts.GetOrAdd(viewer ?? "", key => EventText.Describe(Event, After, key.Length == 0 ? null : key));

    /// <summary>Whether <paramref name="reader"/> perceived it; a null reader (observer mode) perceives everything.</summary>
    public bool IsSeenBy(string? reader) => reader is null || Observers.Contains(reader);
}
