namespace TaleForge.Inference.Calls;

/// <summary>
/// Receives a record of every model call passing through a <see cref="Decorators.RecordingChatClient"/>.
/// Called once per call, after it ends, possibly from several threads at once when calls run concurrently.
/// </summary>
public interface IModelCallSink
{
    void Record(ModelCallRecord call);
}
