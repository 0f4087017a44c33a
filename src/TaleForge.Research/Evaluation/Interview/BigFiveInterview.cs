using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using TaleForge.Core.Definitions;
using TaleForge.Core.State;
using TaleForge.Engine.Agents.Models;
using TaleForge.Engine.Agents.Prompts;
using TaleForge.Engine.Session;
using TaleForge.Inference.Seeds;
using TaleForge.Research.Evaluation.Judging;
using TaleForge.Research.Evaluation.Statistics;

namespace TaleForge.Research.Evaluation.Interview;

/// <summary>How much the character agrees with one statement about itself.</summary>
public sealed record InventoryAnswer([property: Range(1, 5)] int Rating);

/// <summary>A character's answers to the inventory, its trait scores, and how they compare with what the author wrote.</summary>
public sealed record InterviewResult
{
    public required string World { get; init; }
    public required string Character { get; init; }

    /// <summary>The model that answered in character.</summary>
    public required string Model { get; init; }

    /// <summary>Answers by item number; an item the model gave no usable answer to is missing.</summary>
    public ImmutableSortedDictionary<int, int> Answers { get; init; } = ImmutableSortedDictionary<int, int>.Empty;

    public ImmutableSortedDictionary<BigFiveTrait, double?> Measured { get; init; } = ImmutableSortedDictionary<BigFiveTrait, double?>.Empty;

    /// <summary>The author's Big Five, when the character has them.</summary>
    public BigFive? Authored { get; init; }

    /// <summary>Pearson's r between measured and authored scores across the five traits; null when undefined.</summary>
    public double? Correlation { get; init; }

    /// <summary>Mean absolute difference between measured and authored scores (0..1).</summary>
    public double? MeanAbsoluteError { get; init; }

    public int Attempts { get; init; }
    public int FormatFailures { get; init; }
    public int Unanswered => BigFiveInventory.Items.Length - Answers.Count;
}

/// <summary>
/// Puts the inventory to a character, one statement per question, with the character's own profile as the
/// system prompt (the same one it plays with), so the answers show the personality the model gives it.
/// </summary>
public sealed class BigFiveInterview
{
    private static readonly int AnswerTokens = WorstCaseReply.Tokens<InventoryAnswer>();

    private readonly ModelRole _role;
    private readonly long _seed;
    private readonly PromptSet _prompts;

    /// <param name="prompts">The templates the character's profile is worded with (as it plays); built-in when null.</param>
    public BigFiveInterview(ModelRole role, long seed, PromptSet? prompts = null)
    {
        _role = role ?? throw new ArgumentNullException(nameof(role));
        _seed = seed;
        _prompts = prompts ?? ResearchPrompts.BuiltIn;
    }

    public async Task<InterviewResult> InterviewAsync(WorldDefinition world, string character, int parallel = 4, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(character);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var definition = world.Character(character);
        var system = CharacterPrompt.Profile(_prompts, ViewBuilder.For(WorldState.Initial(world), character, [], direction: null));
        using var slots = new SemaphoreSlim(parallel);
        var asked = BigFiveInventory.Items.Select(async item =>
        {
            var user = Question(_prompts, world.Info.Language, definition.Name, item);
            ModelQuestion.FirstThatFits(_role, AnswerTokens, $"interviewing {definition.Name}", [(system, user)]);
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                var seed = SeedDerivation.Derive(_seed, item.Number, $"interview:{world.Info.Id}:{character}");
                return (item.Number, Answer: await ModelQuestion.AskAsync<InventoryAnswer>(
                    _role, "inventory_answer", system, user, AnswerTokens, seed, cancellation).ConfigureAwait(false));
            }
            finally
            {
                slots.Release();
            }
        });
        var answers = await Task.WhenAll(asked).ConfigureAwait(false);
        var given = answers.Where(a => a.Answer.Value is not null)
            .ToImmutableSortedDictionary(a => a.Number, a => a.Answer.Value!.Rating);
        var measured = BigFiveInventory.Score(given);
        var authored = definition.Personality.BigFive;
        var (r, mae) = authored is null ? (null, null) : Compare(measured, authored);
        return new InterviewResult
        {
            World = world.Info.Id,
            Character = character,
            Model = _role.Model,
            Answers = given,
            Measured = measured,
            Authored = authored,
            Correlation = r,
            MeanAbsoluteError = mae,
            Attempts = answers.Sum(a => a.Answer.Attempts),
            FormatFailures = answers.Sum(a => a.Answer.FormatFailures),
        };
    }

    /// <summary>Correlation and mean absolute error over the traits both sides have.</summary>
    public static (double? Correlation, double? MeanAbsoluteError) Compare(IReadOnlyDictionary<BigFiveTrait, double?> measured, BigFive authored)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(authored);
        var pairs = Enum.GetValues<BigFiveTrait>()
            .Where(t => measured.GetValueOrDefault(t) is not null)
            .Select(t => (Measured: measured[t]!.Value, Authored: Of(authored, t)))
            .ToList();
        if (pairs.Count == 0)
        {
            return (null, null);
        }
        var mae = pairs.Average(p => Math.Abs(p.Measured - p.Authored));
        return (Correlations.Pearson(pairs.Select(p => p.Measured).ToList(), pairs.Select(p => p.Authored).ToList()), mae);
    }

    public static double Of(BigFive five, BigFiveTrait trait)
    {
        ArgumentNullException.ThrowIfNull(five);
        return trait switch
        {
            BigFiveTrait.Openness => five.Openness,
            BigFiveTrait.Conscientiousness => five.Conscientiousness,
            BigFiveTrait.Extraversion => five.Extraversion,
            BigFiveTrait.Agreeableness => five.Agreeableness,
            BigFiveTrait.Neuroticism => five.Neuroticism,
            _ => throw new ArgumentOutOfRangeException(nameof(trait)),
        };
    }

    internal static string Question(PromptSet prompts, string language, string name, InventoryItem item) =>
        prompts.Render(ResearchPrompts.InterviewQuestion, language, new InterviewQuestionFields(name, item.Number, BigFiveInventory.Statement(item, language)));
}
