using System.Text.Json;
using TaleForge.Engine.Agents.Replies;
using TaleForge.Engine.Trajectories;
using TaleForge.Inference.Structured;

namespace TaleForge.Research.Export;

/// <summary>A recorded model call's accepted reply, read back into the very type the engine asked for.</summary>
public static class RecordedReply
{
    /// <summary>The reply as a <typeparamref name="T"/>; null when the call asked for another schema or nothing was accepted.</summary>
    public static T? As<T>(CallRecord call) where T : class, IReply
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Schema != T.Schema || call.Parsed is not { } parsed)
        {
            return null;
        }
        try
        {
            return parsed.Deserialize<T>(TypedJson.Options);
        }
        catch (JsonException e)
        {
            throw new Core.TaleForgeException(
                $"line {call.Line}: the recorded {T.Schema} reply does not read as one ({e.Message}); the trajectory was edited or written by another version.");
        }
    }
}
