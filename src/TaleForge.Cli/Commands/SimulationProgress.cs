using System.Diagnostics;
using System.Globalization;
using TaleForge.Cli.Presentation;
using TaleForge.Core.Display;
using TaleForge.Engine.Simulation;

namespace TaleForge.Cli.Commands;

/// <summary>
/// How a run shows its progress: one line per finished episode on the output, and on a terminal a progress bar
/// with the time left below them (on stderr, redrawn in place), estimated from the episodes finished so far.
/// </summary>
internal sealed class SimulationProgress(TextWriter output, TextWriter error, int episodes) : IProgress<EpisodeProgress>
{
    private const int Width = 30;
    // Redrawing in place needs the carriage return and erase sequences the filtering writer would neutralise.
    private readonly TextWriter? _screen = Console.IsErrorRedirected ? null : TerminalWriter.ScreenOf(error);
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _ended;
    private string _current = "";

    public void Report(EpisodeProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (value.Finished)
            {
                _ended++;
                ClearBar();
                output.WriteLine(Line(value));
                output.Flush();
            }
            else
            {
                _current = string.Create(CultureInfo.InvariantCulture, $"{value.Episode}: round {value.Round}");
            }
            DrawBar();
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            ClearBar();
        }
    }

    private string Line(EpisodeProgress value) => value.Status switch
    {
        EpisodeStatus.Finished when value.Result is { } r => string.Create(CultureInfo.InvariantCulture,
            $"[{_ended}/{episodes}] {value.Episode}: {r.Rounds} rounds, {r.Events} events, {r.ModelCalls} model calls ({r.FailedCalls} failed), {r.Wall.TotalSeconds:F1} s"),
        EpisodeStatus.Failed => $"[{_ended}/{episodes}] {value.Episode}: failed: {value.Error}",
        _ => $"[{_ended}/{episodes}] {value.Episode}: interrupted",
    };

    private void DrawBar()
    {
        if (_screen is null)
        {
            return;
        }
        var filled = episodes == 0 ? Width : Math.Min(Width, _ended * Width / episodes);
        _screen.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_ended}/{episodes}  ETA {Eta()}  {TerminalText.Clean(_current)}\u001b[K");
    }

    private void ClearBar() => _screen?.Write("\r\u001b[K");

    /// <summary>The time left if the episodes still to run take as long, on average, as those that ended.</summary>
    private string Eta()
    {
        if (_ended == 0)
        {
            return "--:--";
        }
        var left = TimeSpan.FromTicks(_clock.Elapsed.Ticks / _ended * Math.Max(0, episodes - _ended));
        return left.TotalHours >= 1
            ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : left.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
    }
}
