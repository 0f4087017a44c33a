using TaleForge.Engine.Play;

namespace TaleForge.Tui;

/// <summary>
/// How the full-screen game stops a generation: Esc cancels the token of the one running; closing the game
/// (the outer token) cancels everything and nothing is rewound.
/// </summary>
public sealed class ScreenGate(CancellationToken outer) : IGenerationGate, IDisposable
{
    private CancellationTokenSource? _current;

    public bool Quitting => outer.IsCancellationRequested;

    /// <summary>A generation is running and can be stopped.</summary>
    public bool Generating => _current is not null;

    public CancellationToken Begin()
    {
        End();
        _current = CancellationTokenSource.CreateLinkedTokenSource(outer);
        return _current.Token;
    }

    public void End() => Interlocked.Exchange(ref _current, null)?.Dispose();

    /// <summary>Stops the generation in progress; false when none runs.</summary>
    public bool Stop()
    {
        if (_current is not { } current)
        {
            return false;
        }
        current.Cancel();
        return true;
    }

    public void Dispose() => End();
}
