using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>A person in the world: who they are, what they know and hide, where they start, and how they act with no model.</summary>
public sealed record CharacterDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public ImmutableArray<string> Aliases { get; init; } = [];
    public string Pronouns { get; init; } = "they/them";

    /// <summary>What others can see at a glance.</summary>
    public string Description { get; init; } = "";

    /// <summary>The character's history, known to the character itself.</summary>
    public string Background { get; init; } = "";

    public Personality Personality { get; init; } = new();
    public SpeechStyle Speech { get; init; } = new();
    public Goals Goals { get; init; } = new();
    public ImmutableArray<Relationship> Relationships { get; init; } = [];

    /// <summary>Facts the character knows from the start; it may speak of them.</summary>
    public ImmutableArray<string> Knowledge { get; init; } = [];

    /// <summary>Facts the character knows and hides; their keywords let leaks be measured.</summary>
    public ImmutableArray<Secret> Secrets { get; init; } = [];

    public CharacterStart Start { get; init; } = new();

    /// <summary>A human may take this character's place.</summary>
    public bool Player { get; init; }

    /// <summary>Lines and reactions used when no model is configured.</summary>
    public AuthoredBehaviour Authored { get; init; } = new();

    public Extensions Extensions { get; init; } = Extensions.Empty;
}

/// <summary>Big Five scores plus the author's own words for the character's temperament.</summary>
public sealed record Personality
{
    public BigFive? BigFive { get; init; }
    public ImmutableArray<string> Traits { get; init; } = [];
}

/// <summary>The five-factor model, each score from 0 (low) to 1 (high).</summary>
public sealed record BigFive(
    double Openness,
    double Conscientiousness,
    double Extraversion,
    double Agreeableness,
    double Neuroticism);

/// <summary>How the character talks: a description, sample lines and phrases it returns to.</summary>
public sealed record SpeechStyle
{
    public string Style { get; init; } = "";
    public ImmutableArray<string> Examples { get; init; } = [];
    public ImmutableArray<string> Catchphrases { get; init; } = [];
}

public sealed record Goals
{
    public ImmutableArray<string> ShortTerm { get; init; } = [];
    public ImmutableArray<string> LongTerm { get; init; } = [];
}

/// <summary>How the character regards another: <see cref="Stance"/> is free text ("wary respect").</summary>
public sealed record Relationship(string With, string Stance)
{
    public string Note { get; init; } = "";
}

/// <summary>A fact the character hides. <see cref="Keywords"/> are matched in others' text to detect a leak.</summary>
public sealed record Secret
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public ImmutableArray<string> Keywords { get; init; } = [];
}

/// <summary>Where and how the character is when play begins.</summary>
public sealed record CharacterStart
{
    /// <summary>Id of the starting location; empty means the start scene's location.</summary>
    public string Location { get; init; } = "";

    /// <summary>Posture or place within the location ("leaning on the rail").</summary>
    public string Position { get; init; } = "";

    /// <summary>Physical and practical condition ("soaked, tired").</summary>
    public string State { get; init; } = "";

    /// <summary>The starting mood; <see cref="UnstatedEmotion"/> when the author gave none, told in the world's language at the start.</summary>
    public string Emotion { get; init; } = UnstatedEmotion;

    public const string UnstatedEmotion = "calm";

    /// <summary>Ids of the items carried.</summary>
    public ImmutableArray<string> Inventory { get; init; } = [];
}
