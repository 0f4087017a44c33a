using TaleForge.Engine.Play;

namespace TaleForge.Cli.Play;

/// <summary>
/// Ctrl-C while the story is being generated stops that generation and play returns to the player's turn;
/// Ctrl-C at the prompt leaves as usual. Each generation gets its own token, linked to the command's.
/// </summary>
public sealed class GenerationInterrupt : IGenerationGate, IDisposable
{
    private readonly CancellationToken _outer;
    private readonly bool _console;
    private CancellationTokenSource? _current;

    public GenerationInterrupt(CancellationToken outer, bool listenToConsole = true)
    {
        _outer = outer;
        _console = listenToConsole;
        if (_console)
        {
            Console.CancelKeyPress += OnCancelKey;
        }
    }

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

    /// <summary>Stops the generation in progress, as Ctrl-C does.</summary>
    public void Interrupt() => _current?.Cancel();

    private void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        if (_current is { } current)
        {
            e.Cancel = true;
            current.Cancel();
        }
    }

    public void Dispose()
    {
        if (_console)
        {
            Console.CancelKeyPress -= OnCancelKey;
        }
        End();
    }
}
