namespace TaleForge.Cli.Play;

/// <summary>
/// Whether output gets colour and wrapping: only on a real terminal, never when piped, with NO_COLOR set,
/// with TERM=dumb, or with --no-color (the conventions screen readers and scripts rely on).
/// </summary>
public sealed record TerminalStyle(bool Color, int Width)
{
    public static TerminalStyle Plain { get; } = new(false, 0);

    public static TerminalStyle Detect(bool noColor)
    {
        var redirected = Console.IsOutputRedirected;
        var dumb = string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var noColorVariable = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var color = !redirected && !dumb && !noColorVariable && !noColor;
        int width;
        try
        {
            width = redirected ? 0 : Math.Clamp(Console.WindowWidth, 40, 100);
        }
        catch (IOException)
        {
            width = 0;
        }
        return new TerminalStyle(color, width);
    }

    public string Paint(string text, Tone tone)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Color || tone == Tone.Plain)
        {
            return text;
        }
        var code = tone switch
        {
            Tone.Speech => "36",
            Tone.Narration => "3",
            Tone.Refusal => "33",
            Tone.Heading => "1",
            Tone.System => "2",
            Tone.Error => "31",
            _ => "0",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }

    /// <summary>Wraps by display width (see <see cref="DisplayWrap"/>); text for pipes is left as it is.</summary>
    public string Wrap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DisplayWrap.Wrap(text, Width);
    }
}

public enum Tone
{
    Plain,
    Speech,
    Narration,
    Refusal,
    Heading,
    System,
    Error,
}
