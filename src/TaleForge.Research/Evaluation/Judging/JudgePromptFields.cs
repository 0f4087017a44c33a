namespace TaleForge.Research.Evaluation.Judging;

// The fields the judge's templates read, one record per template kind.

/// <summary>The character judge's rubric and procedure (judge-character-system).</summary>
public sealed record CharacterJudgeSystemFields(IReadOnlyList<string> Aspects, IReadOnlyList<DimensionFields> Dimensions);

/// <summary>The narrator judge's rubric (judge-narrator-system, judge-narrator-call-system); the call's kind when one kind is judged.</summary>
public sealed record NarratorJudgeSystemFields(IReadOnlyList<DimensionFields> Maxims, CallTypeFields? CallType = null);

/// <param name="Key">The reply's JSON property ("knowledge_accuracy").</param>
public sealed record DimensionFields(string Key, string Name, string Measures, string Low, string Middle, string High);

/// <param name="Key">CharacterBox's record type ("action_influence").</param>
public sealed record CallTypeFields(string Key, string Name, string Task);

/// <summary>One character's performance in a scene (judge-character).</summary>
public sealed record CharacterJudgeFields(JudgedSceneFields Scene, JudgedCharacterFields Character, IReadOnlyList<JudgedRoundFields> Rounds);

/// <summary>The scene as CharacterBox gives it; "" for what it lacks.</summary>
public sealed record JudgedSceneFields(string Story, string Title, string Event, string Time, string Location, string Description);

public sealed record JudgedCharacterFields(
    string Name, string Description, string Background, IReadOnlyList<string> Traits, string Speech,
    IReadOnlyList<string> Catchphrases, IReadOnlyList<string> Knowledge, IReadOnlyList<string> Secrets);

public sealed record JudgedRoundFields(int Number, IReadOnlyList<ExchangeFields> Exchanges);

/// <param name="Observation">What the character perceived before it acted; "" when nothing new.</param>
public sealed record ExchangeFields(string Observation, string Action);

/// <summary>Everything that happened in a scene, the narrator's own lines marked (judge-narrator).</summary>
public sealed record NarratorJudgeFields(JudgedSceneFields Scene, IReadOnlyList<TranscriptLineFields> Lines);

public sealed record TranscriptLineFields(string Text, bool Narrator);

/// <summary>The narrator's calls of one kind in a scene (judge-narrator-call).</summary>
public sealed record NarratorCallJudgeFields(JudgedSceneFields Scene, CallTypeFields CallType, IReadOnlyList<JudgedCallFields> Calls);

public sealed record JudgedCallFields(int Number, string Asked, string Answered);
