namespace TaleForge.Engine.Narration;

/// <summary>What a phase reports when its work is done; the machine turns it into the next phase.</summary>
public enum NarratorTrigger
{
    SceneOpened,
    BeliefsRevised,
    Directed,
    TurnTaken,
    NoOneLeftToAct,
    SomeoneAffected,
    NoOneAffected,
    Reacted,
    ResultNarrated,
    Updated,
    GoalReached,
    RoundClosed,
    SceneOver,
    NextScene,
    StoryOver,
}
