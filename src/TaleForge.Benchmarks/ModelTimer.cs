using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace TaleForge.Benchmarks;

/// <summary>
/// Wraps a chat client to measure how long at least one request was in flight: the wall time spent in the
/// model, counting overlapping requests once, so the engine's own share is what remains.
/// </summary>
internal sealed class ModelTimer(IChatClient inner) : DelegatingChatClient(inner)
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private long _busySince;
    private long _busyTicks;

    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, _busyTicks);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Enter();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        finally
        {
            Leave();
        }
    }

    private void Enter()
    {
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _busySince = Stopwatch.GetTimestamp();
            }
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                _busyTicks += Stopwatch.GetTimestamp() - _busySince;
            }
        }
    }
}
