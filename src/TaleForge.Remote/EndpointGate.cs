using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TaleForge.Remote;

/// <summary>
/// Caps the requests in flight to one endpoint. Shared by every model served there, so a narrator and the
/// characters on one server together never hold more than the limit and the rest queue here, not as 429s there.
/// </summary>
public sealed class EndpointGate
{
    private static readonly ConcurrentDictionary<string, EndpointGate> Shared = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _slots;

    public EndpointGate(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        _slots = new SemaphoreSlim(limit, limit);
    }

    public int Limit { get; }

    /// <summary>Requests being sent now.</summary>
    public int InFlight => Limit - _slots.CurrentCount;

    /// <summary>The one gate of <paramref name="url"/> in this process; its limit is the one first asked for.</summary>
    public static EndpointGate For(Uri url, int limit)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Shared.GetOrAdd(url.GetLeftPart(UriPartial.Authority), _ => new EndpointGate(limit));
    }

    /// <summary>The client with every request passing through this gate.</summary>
    public IChatClient Wrap(IChatClient inner) => new GatedChatClient(inner, _slots);

    private sealed class GatedChatClient(IChatClient inner, SemaphoreSlim slots) : DelegatingChatClient(inner)
    {
        public override async Task<ChatResponse> GetResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }

        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
                {
                    yield return update;
                }
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
