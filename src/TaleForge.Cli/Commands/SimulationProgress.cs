using TaleForge.Cli.Presentation;
using TaleForge.Core.Display;
using TaleForge.Engine.Simulation;

namespace TaleForge.Cli.Commands;

/// <summary>A one-line progress display on stderr for a terminal; silent when stderr is redirected.</summary>
internal sealed class SimulationProgress(TextWriter error, int episodes) : IProgress<EpisodeProgress>
{
    // Redrawing in place needs the carriage return and erase sequences the filtering writer would neutralise.
    private readonly TextWriter? _screen = Console.IsErrorRedirected ? null : TerminalWriter.ScreenOf(error);
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
            if (_screen is null)
            {
                return;
            }
            var width = 30;
            var filled = episodes == 0 ? width : _finished * width / episodes;
            _screen.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {_finished}/{episodes}  {TerminalText.Clean($"{value.Episode}: {value.Scene} round {value.Round}")}\u001b[K");
        }
    }

    public void Finish()
    {
        _screen?.Write("\r\u001b[K");
    }
}
