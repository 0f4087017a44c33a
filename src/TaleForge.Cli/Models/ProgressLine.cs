using System.Globalization;

namespace TaleForge.Cli.Models;

/// <summary>
/// A progress line on stderr: redrawn in place on a terminal, reported at each quarter when piped, so logs of
/// scripted runs stay readable.
/// </summary>
internal sealed class ProgressLine(TextWriter output, string label) : IProgress<float>
{
    private readonly bool _terminal = ReferenceEquals(output, Console.Error) && !Console.IsErrorRedirected;
    private int _lastShown = -1;

    public void Report(float value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        var step = _terminal ? percent : percent / 25 * 25;
        if (step == _lastShown)
        {
            return;
        }
        _lastShown = step;
        var text = string.Create(CultureInfo.InvariantCulture, $"{label}: {step,3}%");
        if (_terminal)
        {
            output.Write($"\r{text}");
        }
        else
        {
            output.WriteLine(text);
        }
    }

    public void Done(string message)
    {
        if (_terminal)
        {
            output.Write("\r\u001b[K");
        }
        output.WriteLine(message);
    }
}
