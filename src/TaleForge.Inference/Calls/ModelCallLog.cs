namespace TaleForge.Inference.Calls;

/// <summary>A sink that keeps every record in memory, in the order calls ended; safe across threads.</summary>
public sealed class ModelCallLog : IModelCallSink
{
    private readonly Lock _gate = new();
    private readonly List<ModelCallRecord> _calls = [];

    public IReadOnlyList<ModelCallRecord> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public void Record(ModelCallRecord call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
