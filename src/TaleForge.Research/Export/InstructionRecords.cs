using System.Text.Json.Nodes;
using TaleForge.Engine.Trajectories;

namespace TaleForge.Research.Export;

/// <summary>Supervised fine-tuning records, one per accepted model call: Alpaca, ShareGPT and ChatML shapes.</summary>
public static class InstructionRecords
{
    /// <summary>
    /// Alpaca as CharacterBox's guided trajectory fine-tuning uses it: the filled prompt as the instruction, an
    /// empty input, the model's reply as the output, no history. Replies are the typed JSON the game asked for.
    /// </summary>
    public static IEnumerable<JsonObject> Alpaca(TrajectoryFile trajectory, CallSelection? selection = null) =>
        (selection ?? CallSelection.Characters).From(trajectory).Select(call => new JsonObject
        {
            ["instruction"] = CallSelection.Instruction(call),
            ["input"] = "",
            ["output"] = call.Raw,
            ["history"] = new JsonArray(),
        });

    /// <summary>ShareGPT: a conversation of system, human and gpt turns per call.</summary>
    public static IEnumerable<JsonObject> ShareGpt(TrajectoryFile trajectory, CallSelection? selection = null) =>
        (selection ?? CallSelection.All).From(trajectory).Select(call => new JsonObject
        {
            ["id"] = CallSelection.Id(trajectory, call),
            ["conversations"] = new JsonArray(
            [
                .. call.Prompt.Select(m => (JsonNode)Turn("from", ShareGptSpeaker(m.Role), "value", m.Text)),
                Turn("from", "gpt", "value", call.Raw),
            ]),
        });

    /// <summary>ChatML / OpenAI messages: system, user and assistant turns per call.</summary>
    public static IEnumerable<JsonObject> ChatMl(TrajectoryFile trajectory, CallSelection? selection = null) =>
        (selection ?? CallSelection.All).From(trajectory).Select(call => new JsonObject
        {
            ["id"] = CallSelection.Id(trajectory, call),
            ["messages"] = Messages(call, call.Raw),
        });

    /// <summary>The call's prompt as chat messages, followed by <paramref name="reply"/> as the assistant's turn.</summary>
    internal static JsonArray Messages(CallRecord call, string? reply)
    {
        var messages = new JsonArray([.. call.Prompt.Select(m => (JsonNode)Turn("role", m.Role, "content", m.Text))]);
        if (reply is not null)
        {
            messages.Add(Turn("role", "assistant", "content", reply));
        }
        return messages;
    }

    internal static JsonObject Turn(string speakerKey, string speaker, string textKey, string text) =>
        new() { [speakerKey] = speaker, [textKey] = text };

    private static string ShareGptSpeaker(string role) => role switch
    {
        "user" => "human",
        "assistant" => "gpt",
        _ => role,
    };
}
