using Microsoft.Extensions.AI;
using TaleForge.Inference.Calls;

namespace TaleForge.Inference.Decorators;

public static class RecordingChatClientBuilderExtensions
{
    /// <summary>Adds a <see cref="RecordingChatClient"/> that reports every call to <paramref name="sink"/>.</summary>
    public static ChatClientBuilder UseRecording(this ChatClientBuilder builder, IModelCallSink sink, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sink);
        return builder.Use(inner => new RecordingChatClient(inner, sink, timeProvider));
    }
}
