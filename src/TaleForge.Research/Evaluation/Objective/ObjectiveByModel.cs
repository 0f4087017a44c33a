using System.Collections.Immutable;

namespace TaleForge.Research.Evaluation.Objective;

/// <summary>The objective metrics of one model, pooled over the roles and characters it played.</summary>
public sealed record ObjectiveModelRow(
    string Model, int Attempts, double? FormatFailureRate, int Turns, double? VetoRate, int Texts, double? LeakRate, double? Distinct1, double? Distinct2);

public static class ObjectiveByModel
{
    /// <summary>
    /// Rates are pooled (format failures over all the model's attempts, vetoes over all its characters' turns, leaking
    /// texts over all their texts); distinct-n is the mean over its characters, each character weighing the same.
    /// </summary>
    public static ImmutableArray<ObjectiveModelRow> Of(IEnumerable<FormatFailureRow> formats, IEnumerable<CharacterMetricsRow> characters)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(characters);
        var byFormat = formats.GroupBy(f => f.Model, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byCharacter = characters.GroupBy(c => c.Model, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. byFormat.Keys.Concat(byCharacter.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(model =>
        {
            var f = byFormat.GetValueOrDefault(model) ?? [];
            var c = byCharacter.GetValueOrDefault(model) ?? [];
            var attempts = f.Sum(r => r.Attempts);
            var turns = c.Sum(r => r.Turns);
            var texts = c.Sum(r => r.Texts);
            var d1 = c.Where(r => r.Distinct1 is not null).Select(r => r.Distinct1!.Value).ToList();
            var d2 = c.Where(r => r.Distinct2 is not null).Select(r => r.Distinct2!.Value).ToList();
            return new ObjectiveModelRow(
                model,
                attempts,
                attempts == 0 ? null : (double)f.Sum(r => r.FormatFailures) / attempts,
                turns,
                turns == 0 ? null : (double)c.Sum(r => r.VetoedTurns) / turns,
                texts,
                texts == 0 ? null : (double)c.Sum(r => r.LeakingTexts) / texts,
                d1.Count == 0 ? null : d1.Average(),
                d2.Count == 0 ? null : d2.Average());
        })];
    }
}
