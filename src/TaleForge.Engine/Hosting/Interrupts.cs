namespace TaleForge.Engine.Hosting;

/// <summary>
/// Who hears Ctrl-C first. A screen that gives Ctrl-C a meaning of its own (stop this generation, warn at an idle
/// prompt) registers here; when it declines, or none is registered, Ctrl-C cancels the command as a whole.
/// </summary>
public static class Interrupts
{
    private static readonly Lock Gate = new();
    private static readonly List<Func<bool>> Handlers = [];

    /// <summary>Adds a handler, asked before the ones added earlier; it returns true when it dealt with the Ctrl-C.</summary>
    public static IDisposable Intercept(Func<bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (Gate)
        {
            Handlers.Add(handler);
        }
        return new Registration(handler);
    }

    /// <summary>Offers a Ctrl-C to the handlers, newest first; false when none took it.</summary>
    public static bool Offer()
    {
        Func<bool>[] handlers;
        lock (Gate)
        {
            handlers = [.. Handlers];
        }
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            if (handlers[i]())
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Registration(Func<bool> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                Handlers.Remove(handler);
            }
        }
    }
}
