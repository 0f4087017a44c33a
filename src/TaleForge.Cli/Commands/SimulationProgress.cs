using TaleForge.Engine.Simulation;

namespace TaleForge.Cli.Commands;

/// <summary>A one-line progress display on stderr for a terminal; silent when stderr is redirected.</summary>
internal sealed class SimulationProgress(TextWriter error, int episodes) : IProgress<EpisodeProgress>
{
    private readonly bool _terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private int _finished;

    public void Report(EpisodeProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (value.Finished)
            {
                _finished++;
            }
            if (!_terminal)
            {
                return;
            }
            var width = 30;
            var filled = episodes == 0 ? width : _finished * width / episodes;
            error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_finished}/{episodes}  {value.Episode}: {value.Scene} round {value.Round}\u001b[K");
        }
    }

    public void Finish()
    {
        if (_terminal)
        {
            error.Write("\r\u001b[K");
        }
    }
}
