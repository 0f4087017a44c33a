using System.Collections.Immutable;

namespace TaleForge.Core.Definitions;

/// <summary>
/// A stretch of play with a place, a cast and a way to end. Follows CharacterBox's scene (event, time,
/// location, description, characters, seed actions) and adds end conditions, triggers and transitions.
/// </summary>
public sealed record SceneDefinition
{
    public required string Id { get; init; }
    public string Title { get; init; } = "";

    /// <summary>What is happening, in a sentence ("The supply boat is three days late").</summary>
    public string Event { get; init; } = "";

    /// <summary>In-story time as prose ("dusk, the second night").</summary>
    public string Time { get; init; } = "";

    /// <summary>Id of the location where the scene opens.</summary>
    public required string Location { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Ids of the characters who act in the scene, in first-round order.</summary>
    public ImmutableArray<string> Participants { get; init; } = [];

    /// <summary>Round 0: beats that are every participant's first observations (CharacterBox's seed actions).</summary>
    public ImmutableArray<OpeningBeat> Opening { get; init; } = [];

    public SceneEnd End { get; init; } = new();
    public ImmutableArray<TriggerDefinition> Triggers { get; init; } = [];

    /// <summary>Where play goes when the scene ends: the first whose condition holds. None: the story ends.</summary>
    public ImmutableArray<SceneTransition> Transitions { get; init; } = [];

    public TurnOrder TurnOrder { get; init; } = TurnOrder.Reactive;

    /// <summary>When the scene starts, participants who are elsewhere come to its location.</summary>
    public bool Gather { get; init; }

    /// <summary>Narrated when the scene ends.</summary>
    public string Closing { get; init; } = "";

    public Extensions Extensions { get; init; } = Extensions.Empty;
}

/// <summary>A seeded beat: who does what, and says what, before the first round.</summary>
public sealed record OpeningBeat(string Actor, string Action)
{
    public string? Dialogue { get; init; }
}

/// <summary>A scene ends when <see cref="When"/> holds after a turn, or after <see cref="MaxRounds"/> rounds.</summary>
public sealed record SceneEnd
{
    public int? MaxRounds { get; init; }
    public Predicate? When { get; init; }

    public bool CanEnd => MaxRounds is > 0 || When is not null;
}

/// <summary>When its condition first holds: narration, a change to the environment, flags.</summary>
public sealed record TriggerDefinition
{
    public required string Id { get; init; }
    public required Predicate When { get; init; }

    /// <summary>Fires at most once per scene (the default); false fires every time the condition is checked and holds.</summary>
    public bool Once { get; init; } = true;

    public string Narrate { get; init; } = "";

    /// <summary>Where the narration is heard: the scene's location (the default), the places next to it too, or everywhere.</summary>
    public Hearing Heard { get; init; } = Hearing.Here;

    /// <summary>Replaces the scene's environment description, when set.</summary>
    public string? Environment { get; init; }

    public ImmutableArray<string> SetFlags { get; init; } = [];
    public ImmutableArray<string> ClearFlags { get; init; } = [];
}

public sealed record SceneTransition(string To)
{
    /// <summary>No condition: always taken if reached.</summary>
    public Predicate? When { get; init; }
}

/// <summary>How turns are ordered within a round.</summary>
public enum TurnOrder
{
    /// <summary>CharacterBox's rule: a character that reacts loses its turn; the next round follows completion order.</summary>
    Reactive,

    /// <summary>Participants act in the listed order every round, and reacting costs no turn.</summary>
    Fixed,
}
