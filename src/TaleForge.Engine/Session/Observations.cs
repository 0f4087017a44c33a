using System.Collections.Immutable;
using TaleForge.Core.Events;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Memory;
using TaleForge.Engine.Narration;

namespace TaleForge.Engine.Session;

/// <summary>
/// Each character's observations, in its own words ("You take the lantern."), kept as events are applied. A
/// cache of the log, never saved on its own. Steps are unique across every branch, so what was observed at a step
/// stays true of it: going back or forth between turns picks the observations of the steps on the log again
/// instead of folding and rendering the log a second time.
/// </summary>
internal sealed class Observations
{
    private readonly Dictionary<long, ImmutableArray<(string Observer, Observation Observation)>> _byStep = [];
    private readonly Dictionary<string, ImmutableList<Observation>.Builder> _byCharacter = new(StringComparer.Ordinal);

    public void Add(AppliedEvent applied)
    {
        // A mind's own records are not observations of the world.
        if (applied.Event is WorldEvent.MemoryAdded or WorldEvent.BeliefsRevised)
        {
            return;
        }
        var seen = ImmutableArray.CreateBuilder<(string, Observation)>();
        foreach (var observer in applied.Observers)
        {
            if (applied.TextFor(observer) is not { } text)
            {
                continue;
            }
            var name = applied.After.World.FindCharacter(observer)?.Name ?? observer;
            var observation = new Observation(applied.Step, applied.Entry.Time, applied.Round, text, Importance.Of(applied.Event, observer, name));
            seen.Add((observer, observation));
        }
        _byStep[applied.Step] = seen.ToImmutable();
        Keep(seen);
    }

    /// <summary>Makes the observations those of exactly these log entries, in their order (after an undo or a redo).</summary>
    public void Restore(IEnumerable<LogEntry> log)
    {
        _byCharacter.Clear();
        foreach (var entry in log)
        {
            if (_byStep.TryGetValue(entry.Step, out var seen))
            {
                Keep(seen);
            }
        }
    }

    public ImmutableArray<Observation> For(string character) =>
        _byCharacter.TryGetValue(character, out var list) ? [.. list] : [];

    private void Keep(IEnumerable<(string Observer, Observation Observation)> seen)
    {
        foreach (var (observer, observation) in seen)
        {
            if (!_byCharacter.TryGetValue(observer, out var list))
            {
                list = ImmutableList.CreateBuilder<Observation>();
                _byCharacter[observer] = list;
            }
            list.Add(observation);
        }
    }
}
