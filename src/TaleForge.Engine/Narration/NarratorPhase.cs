namespace TaleForge.Engine.Narration;

/// <summary>Where the narrator is in running a scene: CharacterBox's round pipeline, one state per step.</summary>
public enum NarratorPhase
{
    /// <summary>Start the next scene: its environment and opening beats (round 0).</summary>
    SceneSetup,

    /// <summary>A new round: clock, and every character revises its beliefs.</summary>
    RoundStart,

    /// <summary>Optional: the director gives each character a one-line direction for the round.</summary>
    Direction,

    /// <summary>The next character in the queue acts: one action, an optional line, an optional command.</summary>
    ActorTurn,

    /// <summary>The narrator decides who is affected by the turn, and how.</summary>
    Influence,

    /// <summary>Each affected character responds visibly, and may speak.</summary>
    Reaction,

    /// <summary>The narrator tells what came of the turn and its reactions.</summary>
    Result,

    /// <summary>The narrator updates position, condition and emotion of those involved, checked by the rules.</summary>
    Updates,

    /// <summary>Environment update and plot summary; the next round's order is set.</summary>
    RoundEnd,

    /// <summary>The scene closes and play moves on by the world's transitions.</summary>
    SceneEnd,

    /// <summary>The story is over.</summary>
    Finished,
}
