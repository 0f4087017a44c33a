using System.Collections.Immutable;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// One thing a judge scores from 1 to 5, with what it measures and what a 1, a 3 and a 5 look like. <see cref="Key"/>
/// is the snake_case name used as the JSON property of the judge's reply and as the CSV column.
/// </summary>
public sealed record Dimension(string Key, string Name, string Abbreviation, string Measures, string Low, string Middle, string High)
{
    /// <summary>The rubric lines for this dimension, as the judge reads them.</summary>
    public string Rubric =>
        $"{Name} ({Key}): {Measures}\n  1 = {Low}\n  3 = {Middle}\n  5 = {High}";
}

/// <summary>
/// CharacterBox's seven dimensions of role-play, in its order: character fidelity (knowledge, behaviour),
/// human-likeness (emotion, personality) and consistency (immersion, adaptability, coherence).
/// </summary>
public static class CharacterDimensions
{
    public static Dimension KnowledgeAccuracy { get; } = new(
        "knowledge_accuracy", "Knowledge Accuracy", "KA",
        "whether what the character states or relies on is true to its background, its world and what it has been shown.",
        "gets its own history or the world wrong, or knows things it could not know",
        "mostly right, with a slip or a vague claim here and there",
        "every fact fits the character's background and what it has witnessed; nothing invented or out of reach");

    public static Dimension BehavioralAccuracy { get; } = new(
        "behavioral_accuracy", "Behavioral Accuracy", "BA",
        "whether actions, habits and ways of speaking (turns of phrase, catchphrases) match the character as written.",
        "acts and talks like someone else entirely; none of its manner shows",
        "recognisable in places, generic elsewhere",
        "every action and line carries the character's own habits and voice");

    public static Dimension EmotionalExpression { get; } = new(
        "emotional_expression", "Emotional Expression", "EE",
        "whether feelings are shown vividly and fit the moment and the character.",
        "flat, or feelings that do not fit what is happening",
        "feelings present and plausible but told more than shown",
        "vivid, fitting feelings that change with events and show through action and speech");

    public static Dimension PersonalityTraits { get; } = new(
        "personality_traits", "Personality Traits", "PT",
        "whether the core temperament stays the same from round to round.",
        "temperament swings without cause or contradicts the profile",
        "the temperament is there but wavers",
        "a steady, distinct temperament that matches the profile throughout");

    public static Dimension Immersion { get; } = new(
        "immersion", "Immersion", "IM",
        "whether the character stays inside the story, never stepping out of its role.",
        "breaks character, speaks as an assistant, or talks about the game",
        "stays in role but sometimes sounds detached or out of place",
        "fully inside the story from first round to last");

    public static Dimension Adaptability { get; } = new(
        "adaptability", "Adaptability", "AD",
        "whether the character meets new situations and other people's moves in a way true to itself.",
        "ignores what happens, or gives up its identity to follow events",
        "responds to events, though sometimes generically",
        "takes up every new turn of events in a way only this character would");

    public static Dimension BehavioralCoherence { get; } = new(
        "behavioral_coherence", "Behavioral Coherence", "BC",
        "whether each action follows logically from what came before and from the situation.",
        "actions contradict earlier ones or the situation, or repeat without purpose",
        "mostly follows on, with some jumps or repetitions",
        "every action follows from the previous ones and from what the character has seen");

    /// <summary>The ten aspects CharacterBox's judge critiques before it scores.</summary>
    public static ImmutableArray<string> CritiqueAspects { get; } =
        ["factual accuracy", "character consistency", "logic", "redundancy", "emotion", "interaction", "creativity", "detail", "style", "fluency"];

    public static ImmutableArray<Dimension> All { get; } =
        [KnowledgeAccuracy, BehavioralAccuracy, EmotionalExpression, PersonalityTraits, Immersion, Adaptability, BehavioralCoherence];
}

/// <summary>Grice's conversational maxims, as CharacterBox applies them to the narrator.</summary>
public static class NarratorMaxims
{
    public static Dimension Quality { get; } = new(
        "quality", "Quality", "QL",
        "whether the narration is true to what happened and to the world, inventing nothing that contradicts it.",
        "states things that did not happen or contradict the world",
        "mostly faithful, with some unsupported additions",
        "everything narrated follows from the actions and the world");

    public static Dimension Quantity { get; } = new(
        "quantity", "Quantity", "QN",
        "whether the narration says as much as the story needs, and no more.",
        "leaves out what matters or buries it in padding",
        "adequate, though sometimes thin or wordy",
        "exactly as informative as the moment requires");

    public static Dimension Relevance { get; } = new(
        "relevance", "Relevance", "RL",
        "whether the narration is about what the characters just did and what the scene is about.",
        "drifts away from the actions and the scene",
        "on topic, with digressions",
        "every line bears on the actions and the scene's event");

    public static Dimension Manner { get; } = new(
        "manner", "Manner", "MN",
        "whether the narration is clear, orderly and free of ambiguity.",
        "confusing, disordered or ambiguous",
        "understandable, with some awkward or unclear passages",
        "clear, brief and well ordered");

    public static ImmutableArray<Dimension> All { get; } = [Quality, Quantity, Relevance, Manner];
}
