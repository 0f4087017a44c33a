using Microsoft.AspNetCore.Http;

namespace TaleForge.Server;

/// <summary>
/// Counts the requests being served (decoding or waiting for a slot); past the limit a request is answered 429
/// at once, so a flood fails fast instead of growing a queue no client waits for.
/// </summary>
internal sealed class RequestLimit(int limit)
{
    private int _current;

    public int Current => Volatile.Read(ref _current);

    public IDisposable Enter()
    {
        if (Interlocked.Increment(ref _current) > limit)
        {
            Interlocked.Decrement(ref _current);
            throw new ApiError(StatusCodes.Status429TooManyRequests, "rate_limit_error",
                $"The server is serving {limit} requests already; retry after one finishes.");
        }
        return new Slot(this);
    }

    private sealed class Slot(RequestLimit owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref owner._current);
            }
        }
    }
}
