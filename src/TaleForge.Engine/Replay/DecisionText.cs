using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaleForge.Core.State;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Engine.Replay;

/// <summary>A decision or a mind's state in one readable line, for replays that show a character's view.</summary>
public static class DecisionText
{
    /// <summary>"character_turn: action="leans on the rail" dialogue="Hm." command="none"", or why it failed.</summary>
    public static string Of(CallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var who = call.Player is not null ? "you decide" : $"{call.Model} decides";
        if (call.Parsed is null)
        {
            return $"{call.Schema}: no usable reply ({call.Failure ?? "nothing parsed"}), after {call.Attempts.Length + 1} attempt(s)";
        }
        var retries = call.Attempts.IsEmpty ? "" : $" (after {call.Attempts.Length} refused attempt(s))";
        return $"{call.Schema} ({who}){retries}: {Fields(call.Parsed)}";
    }

    public static string Beliefs(Beliefs beliefs)
    {
        ArgumentNullException.ThrowIfNull(beliefs);
        var text = new StringBuilder($"believes: {beliefs.Belief}");
        if (beliefs.Desire.Length > 0)
        {
            text.Append($" | wants: {beliefs.Desire}");
        }
        if (beliefs.Intention.Length > 0)
        {
            text.Append($" | intends: {beliefs.Intention}");
        }
        foreach (var (other, view) in beliefs.Others)
        {
            text.Append($" | of {other}: {view}");
        }
        return text.ToString();
    }

    /// <summary>An object's fields as name=value, strings quoted, nested values as compact JSON.</summary>
    private static string Fields(JsonNode value) => value is JsonObject obj
        ? string.Join(" ", obj.Select(field => $"{field.Key}={Compact(field.Value)}"))
        : Compact(value);

    private static string Compact(JsonNode? node) => node?.ToJsonString(TrajectoryJson.Options) ?? "null";
}
