using System.Collections.Immutable;
using TaleForge.Core.Events;
using TaleForge.Core.Phrasing;
using TaleForge.Core.State;
using TaleForge.Engine.Agents;
using TaleForge.Engine.Memory;

namespace TaleForge.Engine.Session;

/// <summary>
/// Each character's observations, in its own words ("You take the lantern."), kept as events are appended. A
/// cache of the log: rebuilt by replaying the log, never saved on its own.
/// </summary>
internal sealed class Observations
{
    private readonly Dictionary<string, ImmutableList<Observation>.Builder> _byCharacter = new(StringComparer.Ordinal);

    public void Add(LogEntry entry, WorldState after)
    {
        // A mind's own records are not observations of the world.
        if (entry.Event is WorldEvent.MemoryAdded or WorldEvent.BeliefsRevised)
        {
            return;
        }
        foreach (var observer in entry.Observed.Observers)
        {
            if (EventText.Describe(entry.Event, after, observer) is not { } text)
            {
                continue;
            }
            var name = after.World.FindCharacter(observer)?.Name ?? observer;
            var observation = new Observation(entry.Step, entry.Time, entry.Round, text, Importance.Of(entry.Event, observer, name));
            if (!_byCharacter.TryGetValue(observer, out var list))
            {
                list = ImmutableList.CreateBuilder<Observation>();
                _byCharacter[observer] = list;
            }
            list.Add(observation);
        }
    }

    public ImmutableArray<Observation> For(string character) =>
        _byCharacter.TryGetValue(character, out var list) ? [.. list] : [];

    public void Clear() => _byCharacter.Clear();
}
