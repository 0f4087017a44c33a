using System.Globalization;
using TaleForge.Cli.Presentation;
using TaleForge.Core.Display;

namespace TaleForge.Cli.Models;

/// <summary>
/// A progress line on stderr: redrawn in place on a terminal, reported at each quarter when piped, so logs of
/// scripted runs stay readable.
/// </summary>
internal sealed class ProgressLine(TextWriter output, string label) : IProgress<float>
{
    // Redrawing in place needs the carriage return and erase sequences the filtering writer would neutralise.
    private readonly TextWriter? _screen = Console.IsErrorRedirected ? null : TerminalWriter.ScreenOf(output);
    private bool Terminal => _screen is not null;
    private int _lastShown = -1;

    public void Report(float value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        var step = Terminal ? percent : percent / 25 * 25;
        if (step == _lastShown)
        {
            return;
        }
        _lastShown = step;
        var text = TerminalText.Clean(string.Create(CultureInfo.InvariantCulture, $"{label}: {step,3}%"));
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
        if (Terminal)
        {
            _screen!.Write("\r\u001b[K");
        }
        output.WriteLine(message);
    }
}
