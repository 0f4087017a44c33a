namespace TaleForge.Engine.Agents.Prompts;

// The fields the narrator's templates read, one record per template kind.

/// <summary>The world's voice (narrator-voice): stable for the whole play-through.</summary>
public sealed record VoiceFields
{
    public required string Language { get; init; }
    public required string Title { get; init; }
    public string Premise { get; init; } = "";
    public string Setting { get; init; } = "";
    public string Tone { get; init; } = "";
    public string NarrationStyle { get; init; } = "";
}

/// <summary>The scene, who is where, the story so far and this round (narrator-scene).</summary>
public sealed record NarratorSceneFields
{
    /// <summary>The scene being played; null between scenes.</summary>
    public NarratedSceneFields? Scene { get; init; }
    public IReadOnlyList<CastMemberFields> Characters { get; init; } = [];
    public string StorySoFar { get; init; } = "";

    /// <summary>This round's narrated events, oldest first.</summary>
    public IReadOnlyList<string> Round { get; init; } = [];
}

public sealed record NarratedSceneFields(string Title, string Event, int Round, string Location, string Time, string Environment);

public sealed record CastMemberFields(string Name, string Id, string Location, string Position, string Condition, string Emotion, IReadOnlyList<string> Carrying);

/// <summary>What the actor did and how the others reacted (narrator-turn).</summary>
public sealed record TurnFields(string ActorName, string Actor, string Action, string Dialogue, bool Refused, IReadOnlyList<TurnReactionFields> Reactions);

public sealed record TurnReactionFields(string Name, string Action, string Dialogue);

/// <summary>The director's question (narrator-direct): the scene's participants, by id.</summary>
public sealed record DirectFields(IReadOnlyList<string> Participants);

/// <summary>A question about a turn (narrator-influence, narrator-influence-one, narrator-result, narrator-updates).</summary>
/// <param name="Turn">The turn as narrator-turn tells it.</param>
/// <param name="Characters">Those the question is about, by id: who may be affected, or who is updated.</param>
public sealed record TurnQuestionFields(string Turn, IReadOnlyList<string> Characters);
