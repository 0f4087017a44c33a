using System.Collections.Immutable;
using TaleForge.Research.Evaluation.Episodes;

namespace TaleForge.Research.Evaluation.Objective;

/// <summary>
/// A character's objective numbers over every episode it was played in by one model: turns and vetoes, texts and
/// leaks, and how varied its words were.
/// </summary>
public sealed record CharacterMetricsRow
{
    public required string World { get; init; }
    public required string Character { get; init; }
    public required string Model { get; init; }
    public int Episodes { get; init; }
    public int Turns { get; init; }
    public int VetoedTurns { get; init; }

    /// <summary>Actions and lines the character chose.</summary>
    public int Texts { get; init; }

    /// <summary>Texts with at least one leak.</summary>
    public int LeakingTexts { get; init; }

    public ImmutableArray<Leak> Leaks { get; init; } = [];
    public int Words { get; init; }
    public double? Distinct1 { get; init; }
    public double? Distinct2 { get; init; }

    public double? VetoRate => Turns == 0 ? null : (double)VetoedTurns / Turns;
    public double? LeakRate => Texts == 0 ? null : (double)LeakingTexts / Texts;
}

public static class CharacterMetrics
{
    public static ImmutableArray<CharacterMetricsRow> Of(IEnumerable<PlayedEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var perEpisode = new List<(string World, string Character, string Model, int Turns, int Vetoed, int Texts, ImmutableArray<Leak> Leaks, List<string> Words)>();
        foreach (var episode in episodes)
        {
            var turns = VetoedTurns.Of(episode);
            var leaks = KnowledgeLeaks.Of(episode);
            var words = episode.Path
                .Where(e => Doings.TextOf(e) is { Length: > 0 })
                .GroupBy(e => Doings.ActorOf(e)!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => Doings.TextOf(e)!).ToList(), StringComparer.Ordinal);
            foreach (var character in turns.Keys.Concat(leaks.Keys).Concat(words.Keys).Distinct(StringComparer.Ordinal))
            {
                var (turnCount, vetoed) = turns.GetValueOrDefault(character);
                var (texts, found) = leaks.TryGetValue(character, out var l) ? l : (0, []);
                perEpisode.Add((episode.World.Info.Id, character, episode.ModelOf(character), turnCount, vetoed, texts, found,
                    words.GetValueOrDefault(character) ?? []));
            }
        }
        return [.. perEpisode
            .GroupBy(r => (r.World, r.Character, r.Model))
            .Select(g =>
            {
                var texts = g.SelectMany(r => r.Words).ToList();
                var leaks = g.SelectMany(r => r.Leaks).ToImmutableArray();
                return new CharacterMetricsRow
                {
                    World = g.Key.World,
                    Character = g.Key.Character,
                    Model = g.Key.Model,
                    Episodes = g.Count(),
                    Turns = g.Sum(r => r.Turns),
                    VetoedTurns = g.Sum(r => r.Vetoed),
                    Texts = g.Sum(r => r.Texts),
                    LeakingTexts = leaks.Select(x => (x.Trajectory, x.Step)).Distinct().Count(),
                    Leaks = leaks,
                    Words = texts.Sum(t => Repetition.Words(t).Count),
                    Distinct1 = Repetition.Distinct(texts, 1),
                    Distinct2 = Repetition.Distinct(texts, 2),
                };
            })
            .OrderBy(r => r.World, StringComparer.Ordinal).ThenBy(r => r.Character, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal)];
    }
}
