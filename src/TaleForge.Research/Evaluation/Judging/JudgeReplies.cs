using System.Collections.Immutable;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace TaleForge.Research.Evaluation.Judging;

// What a judge must answer. The critique comes first so the scores are given after reasoning, as CharacterBox's
// judge does; each score is bounded to 1..5 by the schema, so a grammar-constrained judge cannot give anything else.

/// <summary>A judge's verdict on one character in one scene.</summary>
public sealed record CharacterJudgement(
    [property: Description("Critique over the ten aspects: factual accuracy, character consistency, logic, redundancy, emotion, interaction, creativity, detail, style, fluency.")]
    [property: MaxLength(JudgeLimits.CritiqueLength)] string Critique,
    [property: Range(1, 5)] int KnowledgeAccuracy,
    [property: Range(1, 5)] int BehavioralAccuracy,
    [property: Range(1, 5)] int EmotionalExpression,
    [property: Range(1, 5)] int PersonalityTraits,
    [property: Range(1, 5)] int Immersion,
    [property: Range(1, 5)] int Adaptability,
    [property: Range(1, 5)] int BehavioralCoherence)
{
    /// <summary>The scores by dimension key, in <see cref="CharacterDimensions.All"/> order.</summary>
    [JsonIgnore]
    public ImmutableArray<int> Scores =>
        [KnowledgeAccuracy, BehavioralAccuracy, EmotionalExpression, PersonalityTraits, Immersion, Adaptability, BehavioralCoherence];
}

/// <summary>A judge's verdict on the narrator in one scene, by Grice's maxims.</summary>
public sealed record NarratorJudgement(
    [property: Description("Critique of the narration: truthfulness, informativeness, relevance and clarity.")]
    [property: MaxLength(JudgeLimits.CritiqueLength)] string Critique,
    [property: Range(1, 5)] int Quality,
    [property: Range(1, 5)] int Quantity,
    [property: Range(1, 5)] int Relevance,
    [property: Range(1, 5)] int Manner)
{
    /// <summary>The scores in <see cref="NarratorMaxims.All"/> order.</summary>
    [JsonIgnore]
    public ImmutableArray<int> Scores => [Quality, Quantity, Relevance, Manner];
}

/// <summary>Bounds shared by the judge's replies and prompts.</summary>
public static class JudgeLimits
{
    /// <summary>Characters of critique: about a sentence per aspect; it also bounds the tokens a verdict can spend.</summary>
    public const int CritiqueLength = 600;
}
