using TaleForge.Engine.Hosting;
using TaleForge.Engine.Play;

namespace TaleForge.Cli.Play;

/// <summary>
/// What Ctrl-C means in line mode: while the story is being generated it stops that generation and play returns to
/// the player's turn; at an idle prompt the first one says how to leave and the second leaves (every turn is
/// already saved). Each generation gets its own token, linked to the command's.
/// </summary>
public sealed class GenerationInterrupt : IGenerationGate, IDisposable
{
    private readonly CancellationToken _outer;
    private readonly IDisposable? _registration;
    private CancellationTokenSource? _current;
    private int _warned;

    /// <param name="outer">The command's token: cancelled when the game as a whole is closing.</param>
    /// <param name="listenToConsole">Whether this process's Ctrl-C is the game's (not when run in-process by tests).</param>
    public GenerationInterrupt(CancellationToken outer, bool listenToConsole = true)
    {
        _outer = outer;
        if (listenToConsole)
        {
            _registration = Interrupts.Intercept(OnInterrupt);
        }
    }

    /// <summary>Raised on a first Ctrl-C at an idle prompt, to say how to leave.</summary>
    public event EventHandler? IdleInterrupted;

    /// <summary>The command as a whole was cancelled (not just one generation).</summary>
    public bool Quitting => _outer.IsCancellationRequested;

    /// <summary>A token for one generation; Ctrl-C cancels it until <see cref="End"/>.</summary>
    public CancellationToken Begin()
    {
        End();
        _current = CancellationTokenSource.CreateLinkedTokenSource(_outer);
        return _current.Token;
    }

    public void End()
    {
        Interlocked.Exchange(ref _current, null)?.Dispose();
    }

    /// <summary>The player typed a line: a later Ctrl-C at the prompt warns again before leaving.</summary>
    public void LineEntered() => Volatile.Write(ref _warned, 0);

    /// <summary>Stops the generation in progress, as Ctrl-C does.</summary>
    public void Interrupt()
    {
        try
        {
            _current?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The generation ended as the key was pressed: nothing left to stop.
        }
    }

    /// <summary>Ctrl-C: true when it was dealt with here; false lets it close the game.</summary>
    public bool OnInterrupt()
    {
        if (_current is not null)
        {
            Interrupt();
            return true;
        }
        if (Interlocked.Exchange(ref _warned, 1) == 1)
        {
            return false;
        }
        IdleInterrupted?.Invoke(this, EventArgs.Empty);
        return true;
    }

    public void Dispose()
    {
        _registration?.Dispose();
        End();
    }
}
