using System.Collections.Immutable;
using TaleForge.Engine.Agents.Replies;

namespace TaleForge.Research.Evaluation.Judging;

/// <summary>
/// One kind of narrator call judged on its own, as CharacterBox's narrator evaluation judges each record type:
/// its name there, the schema its calls are recorded under here, and what the narrator is asked to do in it.
/// </summary>
public sealed record NarratorCallType(string Key, string Name, string Schema, string Task)
{
    public static NarratorCallType ActionInfluence { get; } = new(
        "action_influence", "Action Influence", InfluenceReply.Schema, "say whom an action affects and how");

    public static NarratorCallType AnalyzeResult { get; } = new(
        "analyze_result", "Analyze Result", ResultReply.Schema, "narrate what came of the actions");

    public static NarratorCallType UpdateCharacter { get; } = new(
        "update_character", "Update Character", UpdatesReply.Schema, "update the position, condition and feeling of those involved");

    public static NarratorCallType UpdateScene { get; } = new(
        "update_scene", "Update Scene", EnvironmentReply.Schema, "update the surroundings and the time after a round");

    public static ImmutableArray<NarratorCallType> All { get; } = [ActionInfluence, AnalyzeResult, UpdateCharacter, UpdateScene];
}
