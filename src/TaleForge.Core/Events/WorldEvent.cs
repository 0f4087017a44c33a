using System.Collections.Immutable;
using TaleForge.Core.State;

namespace TaleForge.Core.Events;

/// <summary>
/// Everything that can happen in a world. <see cref="WorldState"/> is a fold over these, so a save, an undo,
/// a replay and a branch are all the same operation: apply a list of events to the initial state.
/// Ids, never display names, so events stay valid when an author renames something.
/// </summary>
public abstract record WorldEvent
{
    private WorldEvent() { }

    // Story structure.
    public sealed record SceneStarted(string Scene) : WorldEvent;
    public sealed record RoundStarted(int Round) : WorldEvent;
    public sealed record SceneEnded(string Scene, string Reason) : WorldEvent;
    public sealed record StoryEnded(string Reason) : WorldEvent;
    public sealed record ClockAdvanced(int Minutes) : WorldEvent;

    // What characters do.
    public sealed record Moved(string Character, string From, string To, string Exit) : WorldEvent;
    /// <summary>A participant elsewhere joins a scene that gathers its cast: a move by the story, not through an exit.</summary>
    public sealed record Gathered(string Character, string From, string To) : WorldEvent;

    public sealed record Took(string Character, string Item, string From) : WorldEvent;
    public sealed record Dropped(string Character, string Item, string At) : WorldEvent;
    public sealed record Gave(string Character, string Item, string To) : WorldEvent;

    public sealed record Said(string Character, string Text) : WorldEvent
    {
        /// <summary>Whom the line is addressed to; empty for everyone present.</summary>
        public ImmutableArray<string> To { get; init; } = [];

        public bool Equals(Said? other) =>
            other is not null && Character == other.Character && Text == other.Text && To.SequenceEqual(other.To);

        public override int GetHashCode() => HashCode.Combine(Character, Text);
    }

    public sealed record Acted(string Character, string Action) : WorldEvent
    {
        /// <summary>Characters the action is directed at.</summary>
        public ImmutableArray<string> Targets { get; init; } = [];

        public bool Equals(Acted? other) =>
            other is not null && Character == other.Character && Action == other.Action && Targets.SequenceEqual(other.Targets);

        public override int GetHashCode() => HashCode.Combine(Character, Action);
    }

    /// <summary>A decision the rules refused: narrated as a failure, and counted.</summary>
    public sealed record Vetoed(string Character, string Attempt, VetoReason Reason) : WorldEvent;

    /// <summary>Something shown to one character only: what a look, an examination or an inventory revealed.</summary>
    public sealed record Noticed(string Character, string Text) : WorldEvent;

    // How characters are.
    public sealed record PositionChanged(string Character, string Position) : WorldEvent;
    public sealed record ConditionChanged(string Character, string Condition) : WorldEvent;
    public sealed record EmotionChanged(string Character, string Emotion) : WorldEvent;

    // The narrator's voice and the environment.
    public sealed record Narrated(string Text, NarrationKind Kind) : WorldEvent
    {
        /// <summary>Where it can be perceived; null for the narrator alone (summaries, directions).</summary>
        public string? Location { get; init; }

        /// <summary>How far from <see cref="Location"/> it is heard (a trigger's <c>heard:</c>); null: only there.</summary>
        public Definitions.Hearing? Heard { get; init; }
    }

    public sealed record EnvironmentChanged(string Description) : WorldEvent
    {
        /// <summary>The scene's time of day as prose, when it changes too.</summary>
        public string? Time { get; init; }
    }

    // Author-level bookkeeping.
    public sealed record FlagSet(string Flag) : WorldEvent;
    public sealed record FlagCleared(string Flag) : WorldEvent;
    public sealed record TriggerFired(string Trigger) : WorldEvent;

    /// <summary>An authored line or reaction was used, so a <c>once</c> line is not used again.</summary>
    public sealed record LineUsed(string Character, string Line) : WorldEvent;

    // Minds: private to their owner.
    public sealed record MemoryAdded(string Character, Memory Memory) : WorldEvent;
    public sealed record BeliefsRevised(string Character, Beliefs Beliefs) : WorldEvent;
}

/// <summary>Why the narrator spoke: lets views style it and evaluations separate it.</summary>
public enum NarrationKind
{
    /// <summary>A scene's opening and seed beats.</summary>
    Opening,

    /// <summary>The outcome of an action and its reaction.</summary>
    Result,

    /// <summary>A world trigger's text.</summary>
    Trigger,

    /// <summary>A scene's closing text.</summary>
    Closing,

    /// <summary>Text a player wrote in story mode.</summary>
    Story,

    /// <summary>The narrator's plot summary at the end of a round (not shown to characters).</summary>
    Summary,

    /// <summary>The director's guidance for a round (not shown to characters).</summary>
    Direction,
}
