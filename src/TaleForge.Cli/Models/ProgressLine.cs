using System.Globalization;
using TaleForge.Cli.Presentation;
using TaleForge.Core.Display;

namespace TaleForge.Cli.Models;

/// <summary>
/// Loading told on stderr: a progress line redrawn in place on a terminal, reported at each quarter when piped,
/// so logs of scripted runs stay readable.
/// </summary>
internal sealed class ProgressLine(TextWriter output) : ILoadProgress, IProgress<float>
{
    // Redrawing in place needs the carriage return and erase sequences the filtering writer would neutralise.
    private readonly TextWriter? _screen = Console.IsErrorRedirected ? null : TerminalWriter.ScreenOf(output);
    private bool Terminal => _screen is not null;
    private string _label = "";
    private int _lastShown = -1;

    public IProgress<float> Begin(string file, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        _label = label;
        _lastShown = -1;
        return this;
    }

    public void Report(float value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        var step = Terminal ? percent : percent / 25 * 25;
        if (step == _lastShown)
        {
            return;
        }
        _lastShown = step;
        var text = TerminalText.Clean(string.Create(CultureInfo.InvariantCulture, $"{_label}: {step,3}%"));
        if (Terminal)
        {
            _screen!.Write($"\r{text}");
        }
        else
        {
            output.WriteLine(text);
        }
    }

    public void Done(string message)
    {
        Failed();
        output.WriteLine(message);
    }

    /// <summary>On a terminal the line is erased, so an error printed next starts a line of its own.</summary>
    public void Failed() => Clear();

    /// <summary>Erases the line on a terminal (nothing to erase in a log): what follows starts a line of its own.</summary>
    public void Clear()
    {
        if (Terminal && _lastShown >= 0)
        {
            _screen!.Write("\r\u001b[K");
        }
        _lastShown = -1;
    }

    public void Note(string message) => output.WriteLine(message);
}
