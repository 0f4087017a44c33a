using System.Collections.Immutable;
using TaleForge.Core.Phrasing;

namespace TaleForge.Research.Evaluation.Episodes;

/// <summary>
/// What a character perceived, then what it did, as CharacterBox's judge reads a performance. Each exchange is
/// everything the character perceived since its last doing, followed by its doings until it perceives something
/// new; exchanges are grouped by round.
/// </summary>
public sealed record Exchange(int Round, ImmutableArray<string> Observation, ImmutableArray<string> Action);

public static class CharacterRounds
{
    /// <summary>CharacterBox shows the judge up to five rounds.</summary>
    public const int DefaultRounds = 5;

    /// <summary>
    /// The character's exchanges in <paramref name="scene"/>, from its first <paramref name="rounds"/> rounds with a
    /// doing. Observations after its last doing are left out: nothing of its own answers them.
    /// </summary>
    public static ImmutableArray<Exchange> Of(PlayedScene scene, string character, int rounds = DefaultRounds)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(character);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var exchanges = new List<Exchange>();
        var observed = new List<string>();
        var did = new List<string>();
        var round = 0;
        void Close()
        {
            if (did.Count > 0)
            {
                exchanges.Add(new Exchange(round, [.. observed], [.. did]));
                observed.Clear();
                did.Clear();
            }
        }
        foreach (var e in scene.Events)
        {
            if (Doings.ActorOf(e) == character)
            {
                if (did.Count > 0 && e.Round != round)
                {
                    Close();
                }
                round = e.Round;
                if (e.TextFor(viewer: null) is { Length: > 0 } text)
                {
                    did.Add(text);
                }
                continue;
            }
            if (!e.IsObservedBy(character) || !Doings.IsPerceivable(e.Event))
            {
                continue;
            }
            if (e.TextFor(character) is { Length: > 0 } seen)
            {
                Close();
                observed.Add(seen);
            }
        }
        Close();
        var kept = exchanges.Select(x => x.Round).Distinct().Take(rounds).ToHashSet();
        return [.. exchanges.Where(x => kept.Contains(x.Round))];
    }
}
